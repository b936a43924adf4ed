// Sign-in for officials and RT heads. On AWS: the Cognito hosted UI, authorization code with PKCE (the ID token is
// sent to the API: it carries custom:role, custom:tenant, custom:area). In the local stack: the dev stack's
// POST /_local/tokens (config.json says which). The token lives in sessionStorage: closing the tab signs out.
import { config } from './app.js';

const TOKEN_KEY = 'lapor.token';
const VERIFIER_KEY = 'lapor.pkce';

/** The claims of a JWT (not verified here: the API's authorizer verifies every request). */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return null;
  }
}

/** The signed-in person {token, role, tenant, area, sub} or null (none, or expired). */
export function session() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const c = token && claims(token);
  if (!c || (c.exp && c.exp * 1000 < Date.now())) return null;
  return { token, role: c['custom:role'], tenant: c['custom:tenant'], area: c['custom:area'], sub: c.sub };
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function keepToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Sends the browser to the sign-in page, which comes back to the current page. */
export function requireSignIn() {
  location.assign(`/masuk.html?next=${encodeURIComponent(location.pathname)}`);
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Cognito hosted UI: authorization code with PKCE (S256). */
export async function startCognitoSignIn(next) {
  const { auth } = await config();
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER_KEY, JSON.stringify({ verifier, state, next }));
  const q = new URLSearchParams({ response_type: 'code', client_id: auth.clientId, redirect_uri: auth.redirectUri,
    scope: 'openid email', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${auth.domain}/oauth2/authorize?${q}`);
}

/** On the redirect back from Cognito: the code for tokens; answers the page to go to next, or null. */
export async function finishCognitoSignIn(params) {
  const { auth } = await config();
  const saved = JSON.parse(sessionStorage.getItem(VERIFIER_KEY) || 'null');
  sessionStorage.removeItem(VERIFIER_KEY);
  if (!saved || saved.state !== params.get('state')) throw new Error('state');
  const response = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: auth.clientId,
      redirect_uri: auth.redirectUri, code: params.get('code'), code_verifier: saved.verifier }),
  });
  if (!response.ok) throw new Error(`token ${response.status}`);
  keepToken((await response.json()).id_token);
  return saved.next;
}

/** "Kelurahan · 71.74.02.1007" and a sign-out button in the element `id`. */
export function showWho(id, who, t, el) {
  document.getElementById(id).replaceChildren(
    `${t(`role.${who.role}`)}${who.area ? ` · ${who.area}` : ''}${who.tenant ? ` · ${who.tenant}` : ''} `,
    el('button', { type: 'button', class: 'link', id: 'sign-out', text: t('signout'),
      onclick: () => { signOut(); location.assign('/'); } }));
}
