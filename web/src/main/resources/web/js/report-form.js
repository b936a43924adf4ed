// The report form shared by citizens (POST /v1/reports) and RT heads (POST /v1/rt/reports): category picker by kind,
// description, photo (camera or gallery), the phone's location with a map pin to correct it, privacy; the report goes
// through the outbox (kept on the phone with its Idempotency-Key until sent).
import { api, t, el, say, tenants, fillSlot } from './app.js';
import { createMap } from './map.js';
import * as outbox from './outbox.js';

// the fields both forms share (slot #report-fields) and the sending status with the outbox (slot #report-status)
const FIELDS = `
  <div class="field">
    <label for="category" data-i18n="form.category">Kategori</label>
    <select id="category" name="category" required aria-describedby="category-note"></select>
    <p id="category-note" class="hint" hidden></p>
    <p id="category-class" class="hint" hidden></p>
  </div>
  <div class="field">
    <label for="description" data-i18n="form.description">Apa yang terjadi?</label>
    <textarea id="description" name="description" rows="4" minlength="10" maxlength="2000" required
              aria-describedby="description-hint"></textarea>
    <p id="description-hint" class="hint" data-i18n="form.description.hint">Minimal 10 karakter: apa, di mana, sejak kapan.</p>
  </div>
  <div class="field" id="photo-field">
    <label for="photo" data-i18n="form.photo">Foto (kamera atau galeri)</label>
    <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/heic" aria-describedby="photo-hint">
    <p id="photo-hint" class="hint" data-i18n="form.photo.hint">Ambil foto di tempat kejadian: lokasinya diperiksa.</p>
  </div>
  <fieldset id="location-field">
    <legend data-i18n="form.location">Lokasi</legend>
    <button type="button" id="use-location" data-i18n="form.useLocation">Gunakan lokasi saya</button>
    <p id="location-status" class="notice" role="status" hidden></p>
    <div class="pair">
      <div class="field"><label for="lat" data-i18n="form.lat">Lintang</label>
        <input id="lat" name="lat" type="number" step="any" min="-90" max="90" inputmode="decimal"></div>
      <div class="field"><label for="lon" data-i18n="form.lon">Bujur</label>
        <input id="lon" name="lon" type="number" step="any" min="-180" max="180" inputmode="decimal"></div>
    </div>
    <div id="map" class="map" role="region" aria-label="Peta lokasi laporan" data-i18n-label="form.location" hidden></div>
  </fieldset>`;

const STATUS = `
<p id="form-status" class="notice" role="status" tabindex="-1" hidden></p>
<section id="sent" class="card" tabindex="-1" hidden aria-live="polite"></section>
<section id="outbox" hidden aria-labelledby="outbox-title">
  <h2 id="outbox-title" data-i18n="outbox.title">Laporan menunggu dikirim</h2>
  <ul id="outbox-list"></ul>
</section>`;

export async function setUpReportForm({ path, kinds, tenantId, token, rtId }) {
  fillSlot('report-fields', FIELDS);
  fillSlot('report-status', STATUS);
  const form = document.getElementById('report-form');
  const category = document.getElementById('category');
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const tenantSelect = document.getElementById('tenant');
  let pin;
  let mapHandle;

  async function loadCategories() {
    const kind = kinds.length === 1 ? kinds[0] : form.querySelector('input[name=kind]:checked').value;
    const tenant = tenantId || tenantSelect.value;
    category.replaceChildren(el('option', { value: '', text: t('form.category.choose') }));
    if (!tenant) return;
    const answer = await api('GET', `/v1/tenants/${encodeURIComponent(tenant)}/categories?kind=${kind}`);
    if (answer.status !== 200) return;
    for (const c of answer.body.items) {
      category.append(el('option', { value: c.code, 'data-external': c.external ? 'true' : null,
        'data-agency': c.agencyName || '', 'data-class': c.reportClass || '', 'data-class-label': c.reportClassLabel || '',
        'data-location': c.location || '', 'data-photos': c.photos || '', text: c.name }));
    }
    applyRequirements();
  }

  // what the chosen category takes (GET /v1/tenants/{id}/categories: reportClass, location, photos): a class shown
  // under the picker; a location or photo ABSENT hides its step (and nothing of it is sent)
  function requirement(name) {
    const chosen = category.selectedOptions[0];
    return chosen && chosen.dataset[name] ? chosen.dataset[name] : null;
  }
  function applyRequirements() {
    const classNote = document.getElementById('category-class');
    const label = requirement('classLabel');
    classNote.textContent = label ? t('form.category.class', { label }) : '';
    classNote.hidden = !label;
    document.getElementById('photo-field').hidden = requirement('photos') === 'ABSENT';
    document.getElementById('location-field').hidden = requirement('location') === 'ABSENT';
  }

  category.addEventListener('change', () => {
    applyRequirements();
    const chosen = category.selectedOptions[0];
    const note = document.getElementById('category-note');
    if (chosen && chosen.dataset.external) {
      note.textContent = t('form.category.external', { agency: chosen.dataset.agency });
      note.hidden = false;
    } else {
      note.hidden = true;
    }
  });

  if (tenantSelect) {
    for (const tenant of await tenants()) tenantSelect.append(el('option', { value: tenant.id, text: tenant.name }));
    tenantSelect.addEventListener('change', loadCategories);
  }
  form.querySelectorAll('input[name=kind]').forEach((r) => r.addEventListener('change', loadCategories));
  await loadCategories();

  async function showPin(latitude, longitude, move = true) {
    if (!mapHandle) {
      const box = document.getElementById('map');
      box.hidden = false;
      mapHandle = await createMap(box, [latitude, longitude], 16);
      pin = mapHandle.L.marker([latitude, longitude], { draggable: true, keyboard: true,
        title: t('form.location.pin'), alt: t('form.location.pin') }).addTo(mapHandle.map);
      pin.on('dragend', () => {
        const p = pin.getLatLng();
        lat.value = p.lat.toFixed(6);
        lon.value = p.lng.toFixed(6);
        say('location-status', t('form.location.moved'), 'info');
      });
      mapHandle.map.on('click', (e) => {
        pin.setLatLng(e.latlng);
        lat.value = e.latlng.lat.toFixed(6);
        lon.value = e.latlng.lng.toFixed(6);
      });
    } else if (move) {
      pin.setLatLng([latitude, longitude]);
      mapHandle.map.setView([latitude, longitude]);
    }
  }

  document.getElementById('use-location').addEventListener('click', () => {
    if (!navigator.geolocation) {
      say('location-status', t('form.location.unsupported'), 'error');
      return;
    }
    say('location-status', t('form.location.finding'), 'info');
    navigator.geolocation.getCurrentPosition((position) => {
      lat.value = position.coords.latitude.toFixed(6);
      lon.value = position.coords.longitude.toFixed(6);
      say('location-status', t('form.location.found', { accuracy: Math.round(position.coords.accuracy) }), 'ok');
      showPin(position.coords.latitude, position.coords.longitude);
    }, () => say('location-status', t('form.location.denied'), 'error'), { enableHighAccuracy: true, timeout: 20000 });
  });
  for (const input of [lat, lon]) {
    input.addEventListener('change', () => {
      if (lat.value && lon.value) showPin(Number(lat.value), Number(lon.value));
    });
  }
  if (!mapHandle) document.getElementById('map').hidden = true;

  function check() {
    const problems = [];
    const mark = (input, wrong) => input.setAttribute('aria-invalid', wrong ? 'true' : 'false');
    const description = document.getElementById('description');
    const photo = document.getElementById('photo');
    mark(category, !category.value);
    if (!category.value) problems.push(t('form.problem.category'));
    mark(description, description.value.trim().length < 10);
    if (description.value.trim().length < 10) problems.push(t('form.problem.description'));
    const photos = requirement('photos');
    const needsPhoto = photos ? photos === 'REQUIRED' : (!form.querySelector('input[name=kind]:checked')
      || form.querySelector('input[name=kind]:checked').value !== 'SERVICE_REQUEST');
    mark(photo, needsPhoto && photo.files.length === 0);
    if (needsPhoto && photo.files.length === 0) problems.push(t('form.problem.photo'));
    const location = requirement('location');
    const given = lat.value !== '' || lon.value !== '';
    const located = lat.value !== '' && lon.value !== '' && Math.abs(lat.value) <= 90 && Math.abs(lon.value) <= 180;
    const wrong = location === 'ABSENT' ? false : (location === 'OPTIONAL' ? given && !located : !located);
    mark(lat, wrong);
    mark(lon, wrong);
    if (wrong) problems.push(t('form.problem.location'));
    return problems;
  }

  function body() {
    const kindInput = form.querySelector('input[name=kind]:checked');
    const photo = requirement('photos') === 'ABSENT' ? undefined : document.getElementById('photo').files[0];
    const report = {
      category: category.value,
      description: document.getElementById('description').value.trim(),
      photos: photo ? [{ contentType: photo.type || 'image/jpeg', sizeBytes: photo.size }] : [],
    };
    if (requirement('location') !== 'ABSENT' && lat.value !== '' && lon.value !== '') {
      report.location = { lat: Number(lat.value), lon: Number(lon.value) };
    } else if (tenantId || (tenantSelect && tenantSelect.value)) {
      report.tenantId = tenantId || tenantSelect.value; // no place: the Pemda is named instead
    }
    if (path === '/v1/reports') report.channel = 'WEB';
    if (kindInput) report.kind = kindInput.value;
    const privacy = form.querySelector('input[name=privacy]:checked');
    if (privacy) report.privacy = privacy.value;
    const name = document.getElementById('reporter-name');
    const phone = document.getElementById('reporter-phone');
    if (name && phone && (name.value.trim() || phone.value.trim())) {
      report.reporter = {};
      if (name.value.trim()) report.reporter.name = name.value.trim();
      if (phone.value.trim()) report.reporter.phone = phone.value.trim();
    }
    if (rtId) report.rtId = rtId;
    return { report, photo };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = check();
    if (problems.length) {
      say('form-status', `${t('form.problem.title')} ${problems.join(' ')}`, 'error');
      document.getElementById('form-status').focus();
      return;
    }
    const { report, photo } = body();
    await outbox.enqueue(path, report, photo, token);
    form.reset();
    applyRequirements();
    say('location-status', '', 'info');
    say('form-status', navigator.onLine ? t('form.sending') : t('form.queued'), 'info');
    await outbox.flush();
    await renderOutbox();
  });

  outbox.onChange(async (e) => {
    if (e.type === 'sent') {
      showSent(e.answer);
      say('form-status', t('form.sent', { code: e.answer.trackingCode }), 'ok');
    } else if (e.type === 'failed') {
      const outside = e.answer && e.answer.body.error && e.answer.body.error.code === 'OUTSIDE_SERVICE_AREA';
      say('form-status', outside ? `${t('form.outside')} ${e.message}` : e.message, 'error');
    } else if (e.type === 'queued') {
      say('form-status', t('form.queued'), 'info');
    }
    await renderOutbox();
  });
  outbox.startRetrying();
  await renderOutbox();
}

function showSent(answer) {
  const box = document.getElementById('sent');
  box.hidden = false;
  box.replaceChildren(
    el('h2', { text: t('sent.title') }),
    el('p', {}, t('sent.code'), ' ', el('strong', { class: 'tracking-code', text: answer.trackingCode })),
    el('p', { text: t('sent.secret') }),
    el('p', {}, el('a', { href: `/lacak.html?kode=${encodeURIComponent(answer.trackingCode)}`, id: 'track-link',
      text: t('sent.track') })));
  box.focus();
}

async function renderOutbox() {
  const list = document.getElementById('outbox-list');
  const waiting = await outbox.entries();
  document.getElementById('outbox').hidden = waiting.length === 0;
  list.replaceChildren(...waiting.map((entry) => el('li', { 'data-key': entry.key, 'data-state': entry.state },
    el('span', { text: `${entry.body.description.slice(0, 40)}… — ` }),
    el('span', { text: entry.state === 'failed' ? entry.message : t('outbox.waiting') }),
    entry.state === 'failed'
      ? el('button', { type: 'button', class: 'link', text: t('outbox.discard'),
        onclick: async () => { await outbox.discard(entry.key); await renderOutbox(); } })
      : null)));
}

