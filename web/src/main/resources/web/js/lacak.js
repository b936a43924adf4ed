// Anyone with a tracking code: GET /v1/reports/{trackingCode}: status, history, what the agency did (resolution), the
// agency and its deadline, referral notices. The reporter (whose secret this phone kept) may close or reopen.
import { initPage, api, t, el, say, errorText } from './app.js';
import { sent } from './outbox.js';

initPage();
const form = document.getElementById('track-form');
const code = document.getElementById('code');

async function show(trackingCode) {
  const answer = await api('GET', `/v1/reports/${encodeURIComponent(trackingCode)}`);
  const box = document.getElementById('report');
  if (answer.status !== 200) {
    box.hidden = true;
    say('track-status', answer.status === 404 ? t('track.notfound') : errorText(answer), 'error');
    return;
  }
  say('track-status', '', 'info');
  const r = answer.body;
  const parts = [el('h2', {}, el('span', { class: 'tracking-code', text: r.trackingCode })),
    el('p', { class: `status status-${r.status}` }, el('strong', { id: 'status', 'data-status': r.status,
      text: r.statusLabel }), ` — ${r.updatedAtLocal}`)];
  if (r.confidential) parts.push(el('p', { text: t('track.confidential') }));
  if (r.categoryName) parts.push(el('p', { text: `${r.categoryName}${r.area ? ` · ${r.area.kelurahan}, ${r.area.kecamatan}` : ''}` }));
  if (r.handledBy) parts.push(el('p', { text: t('track.handledBy', { agency: r.handledBy }) }));
  if (r.dueAtLocal) parts.push(el('p', { text: t('track.due', { due: r.dueAtLocal }) }));
  for (const notice of r.notices || []) parts.push(el('p', { class: 'notice info', text: notice }));
  if (r.resolution) {
    parts.push(el('p', { class: 'notice ok', id: 'resolution-note',
      text: `${t('track.note', { note: r.resolution.note })} (${r.resolution.atLocal})` }));
  }
  if (r.history) {
    parts.push(el('h3', { text: t('track.history') }), el('ol', { class: 'history', id: 'history' },
      r.history.map((h) => el('li', { 'data-status': h.status }, el('span', { text: `${h.atLocal} — ` }),
        el('strong', { text: h.statusLabel })))));
  }
  box.replaceChildren(...parts);
  box.hidden = false;
  const mine = sent().find((s) => s.trackingCode === r.trackingCode);
  const actions = document.getElementById('reporter-actions');
  actions.hidden = !(mine && mine.reporterSecret && r.status === 'RESOLVED');
  actions.onclick = async (event) => {
    const id = event.target.id;
    if (id !== 'confirm' && id !== 'reopen') return;
    const body = { secret: mine.reporterSecret };
    if (id === 'reopen') body.reason = document.getElementById('reopen-reason').value;
    const done = await api('POST', `/v1/reports/${encodeURIComponent(r.trackingCode)}/${id}`, { body });
    if (done.status === 200) {
      await show(r.trackingCode);
      say('track-status', t(id === 'confirm' ? 'track.confirmed' : 'track.reopened'), 'ok');
    } else {
      say('track-status', errorText(done), 'error');
    }
  };
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = code.value.trim().toUpperCase();
  history.replaceState(null, '', `?kode=${encodeURIComponent(value)}`);
  show(value);
});
const given = new URLSearchParams(location.search).get('kode');
if (given) {
  code.value = given;
  show(given);
}
