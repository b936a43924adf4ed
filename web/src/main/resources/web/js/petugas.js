// Officials: inbox by deadline (overdue highlighted), case view (photo without EXIF, geotag check, map, history),
// actions with expectedVersion (409: another official changed it), statistics per agency for admins.
import { initPage, api, t, el, say, errorText } from './app.js';
import { session, requireSignIn, showWho } from './auth.js';
import { createMap } from './map.js';

initPage();
const who = session();
let current = null;
let caseMap = null;

if (!who || who.role === 'RT_HEAD') {
  requireSignIn();
} else {
  showWho('who', who, t, el);
  loadInbox();
  if (who.role === 'CITY_ADMIN' || who.role === 'PLATFORM_ADMIN') loadStats();
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('case');
  if (fromHash) openCase(fromHash);
}

function call(method, path, body) {
  return api(method, path, { body, token: who.token });
}

async function loadInbox() {
  const answer = await call('GET', '/v1/inbox?limit=100');
  const rows = document.querySelector('#inbox tbody');
  if (answer.status !== 200) {
    say('page-status', errorText(answer), 'error');
    return;
  }
  if (answer.body.items.length === 0) {
    rows.replaceChildren(el('tr', {}, el('td', { colspan: '5', text: t('inbox.empty') })));
    return;
  }
  rows.replaceChildren(...answer.body.items.map((c) => el('tr', { class: c.overdue ? 'overdue' : null,
    'data-case': c.caseId },
  el('td', {}, el('a', { href: `#case=${c.caseId}`, 'data-tracking': c.trackingCode, text: c.trackingCode,
    onclick: (e) => { e.preventDefault(); history.replaceState(null, '', `#case=${c.caseId}`); openCase(c.caseId); } })),
  el('td', { text: c.category }),
  el('td', { text: c.statusLabel }),
  el('td', { text: [c.kelurahan, c.rtId].filter(Boolean).join(' · ') }),
  el('td', {}, (c.deadlineAt && c.deadlineAt.display) || '—',
    c.overdue ? el('strong', { class: 'badge', text: ` ${t('inbox.overdue')}` }) : null))));
}

async function openCase(caseId) {
  const answer = await call('GET', `/v1/cases/${encodeURIComponent(caseId)}`);
  if (answer.status !== 200) {
    say('page-status', errorText(answer), 'error');
    return;
  }
  say('action-status', '', 'info');
  showCase(answer.body);
  document.getElementById('case').focus();
}

function showCase(c) {
  current = c;
  const section = document.getElementById('case');
  section.hidden = false;
  section.dataset.version = c.version;
  section.dataset.status = c.status;
  const photo = (c.photos || []).find((p) => p.url);
  const check = (c.photos || []).map((p) => p.check).find(Boolean);
  document.getElementById('case-body').replaceChildren(...[
    el('p', {}, el('strong', { class: 'tracking-code', text: c.trackingCode }), ' · ',
      el('span', { id: 'case-status', 'data-status': c.status, text: c.statusLabel })),
    el('p', { text: `${c.category} · ${c.area ? `${c.area.kelurahanName || c.kelurahan || ''}, ${c.area.kecamatanName || c.kecamatan || ''}` : ''}` }),
    c.description ? el('p', { class: 'description', text: c.description }) : null,
    c.reporter && (c.reporter.name || c.reporter.phone)
      ? el('p', { text: `${c.reporter.name || ''} ${c.reporter.phone || ''}`.trim() }) : null,
    photo ? el('img', { src: photo.url, alt: `${c.category} — ${c.trackingCode}`, class: 'photo' })
      : el('p', { class: 'hint', text: t('case.noPhoto') }),
    check ? el('p', { class: `check check-${check.verdict}`, text: `${t('case.check', { verdict: t(`verdict.${check.verdict}`) })}`
      + `${check.reason ? ` (${check.reason})` : ''}`
      + `${check.distanceMeters !== undefined && check.distanceMeters !== null
        ? ` · ${t('case.distance', { meters: Math.round(check.distanceMeters) })}` : ''}` }) : null,
  ].filter(Boolean));
  document.getElementById('case-history').replaceChildren(...(c.history || []).map((h) => el('li', {},
    `${(h.at && (h.at.display || h.at)) || ''} — ${h.action}: ${h.from || '∅'} → ${h.to}`
    + `${h.actorRole ? ` (${h.actorRole})` : ''}${h.note ? ` — ${h.note}` : ''}`)));
  const select = document.getElementById('action');
  select.replaceChildren(...(c.actions || []).map((a) => el('option', { value: a, text: t(`action.${a}`) })));
  document.getElementById('action-form').hidden = !(c.actions && c.actions.length);
  if (c.location) showOnMap(c.location);
}

async function showOnMap(location) {
  const box = document.getElementById('case-map');
  box.hidden = false;
  if (!caseMap) {
    caseMap = await createMap(box, [location.lat, location.lon], 16);
    caseMap.marker = caseMap.L.marker([location.lat, location.lon], { alt: t('map.label') }).addTo(caseMap.map);
  } else {
    caseMap.marker.setLatLng([location.lat, location.lon]);
    caseMap.map.setView([location.lat, location.lon]);
  }
}

document.getElementById('action-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const action = document.getElementById('action').value;
  const text = document.getElementById('action-note').value.trim();
  const body = { action, expectedVersion: current.version };
  if (text) {
    body.note = text;
    if (action === 'return' || action === 'reject') body.reason = text;
  }
  const answer = await call('POST', `/v1/cases/${encodeURIComponent(current.caseId)}/actions`, body);
  if (answer.status === 200) {
    document.getElementById('action-note').value = '';
    showCase(answer.body);
    say('action-status', t('case.done', { status: answer.body.statusLabel }), 'ok');
    loadInbox();
  } else {
    say('action-status', errorText(answer), 'error');
  }
  document.getElementById('action-status').focus();
});

document.getElementById('reload-case').addEventListener('click', () => openCase(current.caseId));

async function loadStats() {
  const answer = await call('GET', '/v1/admin/stats');
  if (answer.status !== 200) return;
  document.getElementById('stats').hidden = false;
  const num = (v) => (v === null || v === undefined ? '—' : String(v));
  const rows = [...answer.body.agencies, { ...answer.body.totals, name: 'Total' }];
  document.querySelector('#stats-table tbody').replaceChildren(...rows.map((a) => el('tr', {},
    el('th', { scope: 'row', text: a.name || a.agencyId || 'Total' }), el('td', { text: num(a.received) }),
    el('td', { text: num(a.resolved) }), el('td', { text: num(a.referredExternal) }), el('td', { text: num(a.overdue) }),
    el('td', { text: num(a.open) }))));
}
