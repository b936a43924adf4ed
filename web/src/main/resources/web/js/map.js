// Leaflet (from its WebJar, served at /vendor/leaflet/) with the deployment's tile server (config.json "tiles"; none:
// a plain background, which is what the tests use). Loaded only on pages that show a map.
import { config, t } from './app.js';

let leaflet;
function loadLeaflet() {
  leaflet ??= new Promise((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = '/vendor/leaflet/leaflet.css';
    document.head.append(css);
    const script = document.createElement('script');
    script.src = '/vendor/leaflet/leaflet.js';
    script.onload = () => resolve(window.L);
    script.onerror = reject;
    document.head.append(script);
  });
  return leaflet;
}

/** A map in `element` centred on [lat, lon]; answers {L, map}. */
export async function createMap(element, center, zoom = 14) {
  const [L, { tiles }] = await Promise.all([loadLeaflet(), config()]);
  const map = L.map(element, { center, zoom, keyboard: true });
  if (tiles && tiles.url) {
    L.tileLayer(tiles.url, { attribution: tiles.attribution || '', maxZoom: 19 }).addTo(map);
  }
  element.setAttribute('aria-label', element.getAttribute('aria-label') || t('map.label'));
  return { L, map };
}
