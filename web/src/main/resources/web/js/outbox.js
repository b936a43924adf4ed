// Reports kept on the phone until they are sent (poor signal is normal). Each report gets its Idempotency-Key once,
// when it is made; every retry sends the same key and body, so the API makes one case however often it is sent.
// Stored in IndexedDB with the photo itself (a Blob); sent again when the connection returns, and every 15 s.
import { api, NetworkError, errorText } from './app.js';

const DB = 'lapor-warga';
const STORE = 'outbox';
const SENT_KEY = 'lapor.sent';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function tx(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const result = work(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(result.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

export const entries = () => tx('readonly', (s) => s.getAll());
const put = (entry) => tx('readwrite', (s) => s.put(entry));
const remove = (key) => tx('readwrite', (s) => s.delete(key));

/** Reports sent from this phone, newest first: {key, trackingCode, reporterSecret, path, body, sentAt}. */
export function sent() {
  try { return JSON.parse(localStorage.getItem(SENT_KEY) || '[]'); } catch { return []; }
}

function remember(entry, answer) {
  const list = sent().filter((s) => s.key !== entry.key);
  list.unshift({ key: entry.key, trackingCode: answer.trackingCode, reporterSecret: answer.reporterSecret,
    path: entry.path, body: entry.body, sentAt: new Date().toISOString() });
  localStorage.setItem(SENT_KEY, JSON.stringify(list.slice(0, 50)));
}

/** Keeps a new report (made once: its key never changes) and tries to send it. */
export async function enqueue(path, body, photo, token) {
  const entry = { key: crypto.randomUUID(), path, body, photo: photo || null, token: token || null,
    createdAt: new Date().toISOString(), state: 'queued' };
  await put(entry);
  return entry;
}

const listeners = new Set();
/** fn(event) on every change: {type: 'sent'|'failed'|'queued', entry, answer?, message?}. */
export function onChange(fn) {
  listeners.add(fn);
}
function emit(event) {
  listeners.forEach((fn) => fn(event));
}

async function upload(ticket, photo) {
  const headers = {};
  for (const [name, value] of Object.entries(ticket.headers || {})) {
    if (name.toLowerCase() !== 'content-length' && name.toLowerCase() !== 'host') headers[name] = value;
  }
  try {
    const r = await fetch(ticket.url, { method: ticket.method || 'PUT', headers, body: photo });
    // 412: the photo is there already (a retry after an answer that never arrived)
    return r.ok || r.status === 412 ? 'done' : `http ${r.status}`;
  } catch (e) {
    throw new NetworkError(e.message);
  }
}

/** One try of one entry: 'sent', 'queued' (no signal: kept) or 'failed' (refused: kept with the reason). */
async function send(entry) {
  try {
    const answer = await api('POST', entry.path, { body: entry.body, token: entry.token,
      headers: { 'Idempotency-Key': entry.key } });
    if (answer.status !== 201 && answer.status !== 200) {
      if (answer.status >= 500 || answer.status === 429) return 'queued';
      entry.state = 'failed';
      entry.message = errorText(answer);
      await put(entry);
      emit({ type: 'failed', entry, message: entry.message, answer });
      return 'failed';
    }
    const ticket = answer.body.uploads && answer.body.uploads[0];
    if (ticket && entry.photo) {
      const uploaded = await upload(ticket, entry.photo);
      if (uploaded !== 'done') return 'queued';
    }
    remember(entry, answer.body);
    await remove(entry.key);
    emit({ type: 'sent', entry, answer: answer.body });
    return 'sent';
  } catch (e) {
    if (e instanceof NetworkError) {
      emit({ type: 'queued', entry });
      return 'queued';
    }
    throw e;
  }
}

let flushing = null;
/** Sends every queued report once (one flush at a time: a second call waits for the running one). */
export function flush() {
  flushing ??= (async () => {
    try {
      for (const entry of await entries()) {
        if (entry.state === 'queued') {
          if (!navigator.onLine) {
            emit({ type: 'queued', entry });
          } else {
            await send(entry);
          }
        }
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** Retries when the connection returns, and every 15 s while something waits. */
export function startRetrying() {
  window.addEventListener('online', () => flush());
  setInterval(async () => {
    if ((await entries()).some((e) => e.state === 'queued')) flush();
  }, 15000);
  flush();
}

export async function discard(key) {
  await remove(key);
}
