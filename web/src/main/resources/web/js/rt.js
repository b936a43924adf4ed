// RT heads: activity reports for their own RT (POST /v1/rt/reports with the token: the RT is the token's) and their
// RT's score, breakdown and band for the current and past months (GET /v1/public/{tenant}/rt/{rtId}/performance).
import { initPage, api, t, el, recentMonths, formatRupiah, tenants } from './app.js';
import { session, requireSignIn, showWho } from './auth.js';
import { setUpReportForm } from './report-form.js';

initPage();
const who = session();
if (!who || who.role !== 'RT_HEAD') {
  requireSignIn();
} else {
  showWho('who', who, t, el);
  setUpReportForm({ path: '/v1/rt/reports', kinds: ['RT_ACTIVITY'], tenantId: who.tenant, token: who.token });
  setUpScore();
}

async function setUpScore() {
  const tenant = (await tenants()).find((x) => x.id === who.tenant);
  const period = document.getElementById('period');
  for (const month of recentMonths(12, tenant ? tenant.timeZone : undefined)) {
    period.append(el('option', { value: month, text: month }));
  }
  period.addEventListener('change', () => showScore(period.value));
  showScore(period.value);
}

async function showScore(period) {
  const box = document.getElementById('score');
  const answer = await api('GET', `/v1/public/${encodeURIComponent(who.tenant)}/rt/${encodeURIComponent(who.area)}`
    + `/performance?period=${period}`);
  if (answer.status !== 200) {
    box.replaceChildren(el('p', { class: 'notice info', text: t('score.none') }));
    return;
  }
  const s = answer.body;
  box.replaceChildren(
    el('p', { class: 'score' }, el('strong', { id: 'score-value', text: t('score.value', { score: s.score,
      band: s.band || '—' }) }), s.provisional ? ` ${t('score.provisional')}` : ''),
    el('p', { text: t('score.incentive', { amount: formatRupiah(s.incentiveRupiah || 0) }) }),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'breakdown-caption' },
      el('table', { id: 'breakdown' },
      el('caption', { id: 'breakdown-caption', text: t('rt.breakdown') }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('rt.component') }),
        el('th', { scope: 'col', text: t('rt.points') }))),
      el('tbody', {}, s.breakdown.map((b) => el('tr', {}, el('th', { scope: 'row', text: b.label || b.component }),
        el('td', { text: `${b.points}${b.counted !== undefined ? ` (${b.counted}/${b.cap ?? '—'})` : ''}` })))))),
    el('h3', { text: t('rt.trend') }),
    el('ul', { class: 'trend' }, (s.trend || []).map((p) => el('li', {
      text: `${p.period}: ${p.score} (${p.band || '—'})${p.provisional ? '*' : ''}` }))));
}
