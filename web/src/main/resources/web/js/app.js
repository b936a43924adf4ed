// Shared by every page: language (Indonesian first, English switch), the API client (same origin, /v1), the error
// shape {"error":{"code","message","fields"}}, small DOM helpers and the service worker registration.
import { DICTIONARY } from './i18n.js';

const LANG_KEY = 'lapor.lang';

export function lang() {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

/** The text of `key` in the current language (Indonesian when the English one is missing); {name} placeholders. */
export function t(key, vars = {}) {
  const text = DICTIONARY[lang()][key] ?? DICTIONARY.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((e) => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((e) => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((e) => { e.setAttribute('aria-label', t(e.dataset.i18nLabel)); });
}

// The skip link, the header with the menu and the language switch: one copy for every page (its slot: #shell).
const SHELL = `
<a class="skip" href="#main" data-i18n="skip">Langsung ke isi</a>
<header class="top">
  <a class="brand" href="/">Lapor Warga</a>
  <nav aria-label="Menu">
    <ul>
      <li><a href="/lapor.html" data-i18n="nav.report">Lapor</a></li>
      <li><a href="/lacak.html" data-i18n="nav.track">Lacak</a></li>
      <li><a href="/publik.html" data-i18n="nav.public">Kinerja RT</a></li>
      <li><a href="/rt.html" data-i18n="nav.rt">Ketua RT</a></li>
      <li><a href="/petugas.html" data-i18n="nav.officials">Petugas</a></li>
    </ul>
  </nav>
  <button type="button" id="lang-switch" lang="en">English</button>
</header>`;

/**
 * Replaces the element `id` (a slot in the page) with `html`, static markup of the app (never data), translated when
 * the page is in English.
 */
export function fillSlot(id, html) {
  const slot = document.getElementById(id);
  if (!slot) return;
  const template = document.createElement('template');
  template.innerHTML = html;
  if (lang() === 'en') translate(template.content);
  slot.replaceWith(template.content);
}

/** Sets the language, translates the page, wires the language switch; registers the service worker. */
export function initPage() {
  document.documentElement.lang = lang();
  fillSlot('shell', SHELL);
  if (lang() === 'en') translate();
  document.querySelectorAll('header nav a').forEach((a) => {
    if (a.pathname === location.pathname) a.setAttribute('aria-current', 'page');
  });
  const toggle = document.getElementById('lang-switch');
  if (toggle) {
    toggle.textContent = lang() === 'en' ? 'Bahasa Indonesia' : 'English';
    toggle.setAttribute('lang', lang() === 'en' ? 'id' : 'en');
    toggle.addEventListener('click', () => {
      localStorage.setItem(LANG_KEY, lang() === 'en' ? 'id' : 'en');
      location.reload();
    });
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the app works without it */ });
  }
}

let configPromise;
/** The deployment's settings (/config.json): sign-in mode, Cognito, map tiles. */
export function config() {
  configPromise ??= fetch('/config.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return configPromise;
}

export class NetworkError extends Error {}

/**
 * Calls the HTTP API. Answers {status, body, headers}; throws NetworkError when the request never got an answer (no
 * signal). Sends Accept-Language so the API's messages come in the page's language.
 */
export async function api(method, path, { body, token, headers = {} } = {}) {
  const h = { 'Accept-Language': lang(), ...headers };
  if (body !== undefined) h['Content-Type'] = 'application/json';
  if (token) h.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { message: text }; }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** A person-readable message of an error answer (the API's own message, else one for the status). */
export function errorText(answer) {
  const error = answer.body && answer.body.error;
  if (answer.status === 409 && error && error.code === 'VERSION_CONFLICT') return t('error.conflict');
  if (answer.status === 401) return t('error.signin');
  if (answer.status === 403 && !(error && error.message)) return t('error.forbidden');
  let text = (error && error.message) || t('error.generic', { status: answer.status });
  if (error && error.fields) {
    text += ' ' + Object.entries(error.fields).map(([k, v]) => `${k}: ${v}`).join('; ');
  }
  return text;
}

/** document.createElement with attributes ({text} sets textContent; on* are listeners) and children. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null) e.append(c);
  }
  return e;
}

/** Shows `text` in the element `id` (a role=status/alert region), with a kind class (ok, error, info). */
export function say(id, text, kind = 'info') {
  const box = document.getElementById(id);
  box.textContent = text;
  box.className = `notice ${kind}`;
  box.hidden = !text;
}

/** The current month in the tenant's zone (yyyy-MM) and the n months before it, newest first. */
export function recentMonths(n, timeZone = 'Asia/Makassar') {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .formatToParts(new Date());
  let year = Number(parts.find((p) => p.type === 'year').value);
  let month = Number(parts.find((p) => p.type === 'month').value);
  const out = [];
  for (let i = 0; i <= n; i++) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) { month = 12; year -= 1; }
  }
  return out;
}

/** The tenants served (GET /v1/tenants), cached for the page. */
let tenantsPromise;
export function tenants() {
  tenantsPromise ??= api('GET', '/v1/tenants').then((a) => (a.status === 200 ? a.body.items : []));
  return tenantsPromise;
}

export function formatRupiah(n) {
  return new Intl.NumberFormat(lang() === 'en' ? 'en-US' : 'id-ID', { style: 'currency', currency: 'IDR',
    maximumFractionDigits: 0 }).format(n);
}
