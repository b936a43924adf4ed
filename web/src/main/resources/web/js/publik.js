// The public: RT ranking per kelurahan with bands and incentive (GET /v1/public/{tenant}/rt) and complaints per
// kelurahan on a map and in a table (GET /v1/public/{tenant}/areas: aggregates at each kelurahan's centre, never a
// single case or point); agency performance (GET /v1/public/{tenant}/agencies).
import { initPage, api, t, el, say, tenants, recentMonths, formatRupiah } from './app.js';
import { createMap } from './map.js';

initPage();
const tenantSelect = document.getElementById('tenant');
const period = document.getElementById('period');
const kelurahan = document.getElementById('kelurahan');
let areaMap = null;
let circles = [];

(async () => {
  const list = await tenants();
  for (const x of list) tenantSelect.append(el('option', { value: x.id, text: x.name }));
  const zone = list[0] ? list[0].timeZone : undefined;
  for (const month of recentMonths(12, zone)) period.append(el('option', { value: month, text: month }));
  // ?periode=yyyy-MM (a shared link), else the last closed month (the API's default); the current month is provisional
  const asked = new URLSearchParams(location.search).get('periode');
  period.value = asked && [...period.options].some((o) => o.value === asked) ? asked : recentMonths(1, zone)[1];
  await show();
})();

document.getElementById('public-form').addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `?periode=${period.value}`);
  show();
});

async function show() {
  const tenant = encodeURIComponent(tenantSelect.value);
  const query = `period=${period.value}`;
  const [ranking, areas] = await Promise.all([
    api('GET', `/v1/public/${tenant}/rt?${query}${kelurahan.value ? `&kelurahan=${kelurahan.value}` : ''}`),
    api('GET', `/v1/public/${tenant}/areas?${query}`)]);
  say('public-status', ranking.status === 200 && ranking.body.rts.length ? '' : t('public.none'), 'info');
  const rows = ranking.status === 200 ? ranking.body.rts : [];
  document.querySelector('#ranking tbody').replaceChildren(...rows.map((r) => el('tr', { class: r.active ? null : 'inactive' },
    el('td', { text: String(r.rank) }), el('th', { scope: 'row', text: r.rtId }), el('td', { text: r.kelurahanName || '' }),
    el('td', { text: String(r.score) }), el('td', { text: r.band || '—' }),
    el('td', { text: formatRupiah(r.incentiveRupiah || 0) }), el('td', { text: r.activityLabel || '' }))));
  const kel = areas.status === 200 ? areas.body.kecamatan.flatMap((k) => k.kelurahan || []) : [];
  if (kelurahan.options.length === 1) {
    for (const k of kel) kelurahan.append(el('option', { value: k.code, text: k.name }));
  }
  document.querySelector('#areas tbody').replaceChildren(...kel.map((k) => el('tr', {},
    el('th', { scope: 'row', text: k.name }), el('td', { text: String(k.complaintsReceived) }),
    el('td', { text: String(k.complaintsResolved) }), el('td', { text: String(k.overdue) }),
    el('td', { text: k.medianHoursToResolve === null ? '—' : String(k.medianHoursToResolve) }))));
  await drawAreas(kel.filter((k) => k.centre));
  await showAgencies(tenant);
}

/** Agency performance this month so far (GET /v1/public/{tenant}/agencies): counts only. */
async function showAgencies(tenant) {
  const answer = await api('GET', `/v1/public/${tenant}/agencies`);
  const rows = answer.status === 200 ? answer.body.agencies : [];
  document.querySelector('#agencies tbody').replaceChildren(...rows.map((a) => el('tr', {},
    el('th', { scope: 'row', text: a.name }), el('td', { text: String(a.received) }),
    el('td', { text: String(a.resolved) }), el('td', { text: String(a.referredExternal) }),
    el('td', { text: String(a.overdue) }))));
}

async function drawAreas(kel) {
  const box = document.getElementById('area-map');
  if (kel.length === 0) return;
  if (!areaMap) areaMap = await createMap(box, [kel[0].centre.lat, kel[0].centre.lon], 12);
  circles.forEach((c) => c.remove());
  const max = Math.max(1, ...kel.map((k) => k.complaintsReceived));
  circles = kel.map((k) => areaMap.L.circleMarker([k.centre.lat, k.centre.lon], {
    radius: 6 + 24 * Math.sqrt(k.complaintsReceived / max), weight: 1, color: '#0b5d3b', fillOpacity: 0.45,
  }).bindTooltip(t('public.complaints', { name: k.name, received: k.complaintsReceived,
    resolved: k.complaintsResolved })).addTo(areaMap.map));
  areaMap.map.fitBounds(areaMap.L.featureGroup(circles).getBounds().pad(0.2));
  box.dataset.areas = String(circles.length);
}
