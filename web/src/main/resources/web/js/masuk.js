// Sign-in: Cognito hosted UI (authorization code + PKCE) on AWS; the dev stack's POST /_local/tokens locally.
import { initPage, config, api, t, say } from './app.js';
import { keepToken, startCognitoSignIn, finishCognitoSignIn } from './auth.js';

initPage();
const params = new URLSearchParams(location.search);
const next = (params.get('next') || '/petugas.html').startsWith('/') ? params.get('next') || '/petugas.html' : '/';

(async () => {
  const { auth = { mode: 'local' } } = await config();
  if (auth.mode === 'cognito') {
    if (params.has('code')) {
      try {
        location.replace(await finishCognitoSignIn(params) || '/petugas.html');
      } catch (e) {
        say('signin-status', t('signin.failed', { message: e.message }), 'error');
      }
      return;
    }
    const button = document.getElementById('cognito');
    button.hidden = false;
    button.addEventListener('click', () => startCognitoSignIn(next));
    return;
  }
  const form = document.getElementById('local-form');
  form.hidden = false;
  if (next === '/rt.html') document.getElementById('role').value = 'RT_HEAD';
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await api('POST', '/_local/tokens', { body: {
      role: document.getElementById('role').value,
      tenant: document.getElementById('signin-tenant').value.trim(),
      area: document.getElementById('area').value.trim() || undefined } });
    if (answer.status !== 201) {
      const message = (answer.body && (answer.body.error ? answer.body.error.message : answer.body.message)) || answer.status;
      say('signin-status', t('signin.failed', { message }), 'error');
      return;
    }
    keepToken(answer.body.token);
    location.assign(next);
  });
})();
