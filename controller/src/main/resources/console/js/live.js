// Live updates. The controller's event stream (GET /api/v1/events, server-sent events) says what
// changed; each view then refetches just that. The stream is read with fetch() and a
// ReadableStream, not EventSource: EventSource cannot send the bearer token in a header, and a
// token in the URL would land in logs. When the stream is down the views poll, as before.
import {h} from './dom.js';
import {session, sessionEnded} from './api.js';
import {t} from './i18n.js';

/** Waits before reconnecting, growing with each failure in a row (milliseconds). */
const BACK_OFF_MS = [1000, 2000, 5000, 10000, 30000];
/**
 * While the stream is live, a view still refetches everything this often, for what no event covers
 * (a screen registered or renamed). `?resync=<seconds>` in the console's address changes it; 0 turns it off.
 */
const RESYNC_MS = (() => {
  const asked = new URLSearchParams(location.search).get('resync');
  return asked !== null && /^\d+$/.test(asked) ? Number(asked) * 1000 : 60000;
})();

/** Runs `task` now and then every `ms` until the returned stop() is called. One round at a time. */
export function every(ms, task) {
  let stopped = false;
  let timer = null;
  const round = async () => {
    try {
      await task();
    } catch (e) {
      console.warn('live update failed', e);
    }
    if (!stopped) timer = setTimeout(round, ms);
  };
  round();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// The one stream of the tab, shared by whatever view is shown.
const handlers = new Set();
const stateHandlers = new Set();
let state = 'off'; // off | connecting | live | polling
let aborter = null;
let retryTimer = null;
let failures = 0;

export function liveState() { return state; }

function setState(next) {
  if (state === next) return;
  const wasLive = state === 'live';
  state = next;
  stateHandlers.forEach((handler) => handler(next));
  // Events may have been missed while the stream was down: views refetch everything once.
  if (next === 'live' && !wasLive) dispatch({name: 'resync', data: {}});
  indicator.dataset.live = next;
  indicator.textContent = t(`live.${next}`);
}

function dispatch(event) {
  for (const handler of [...handlers]) {
    try {
      handler(event);
    } catch (e) {
      console.warn('live event handler failed', e);
    }
  }
}

/** Opens the stream if it is not open (it stays open while signed in). */
export function startStream() {
  if (aborter || retryTimer || !session.token) return;
  connect();
}

/** Closes the stream (sign-out). */
export function stopStream() {
  clearTimeout(retryTimer);
  retryTimer = null;
  if (aborter) aborter.abort();
  aborter = null;
  failures = 0;
  setState('off');
}

async function connect() {
  retryTimer = null;
  const token = session.token;
  if (!token) {
    stopStream();
    return;
  }
  const mine = new AbortController();
  aborter = mine;
  if (state !== 'polling') setState('connecting');
  try {
    const response = await fetch('/api/v1/events', {headers: {Authorization: `Bearer ${token}`,
      Accept: 'text/event-stream'}, cache: 'no-store', signal: mine.signal});
    if (response.status === 401) {
      // The session ended (the password changed elsewhere or by an admin, the account disabled): the
      // controller closed the stream saying so, and the console asks its user to sign in again at once.
      aborter = null;
      sessionEnded();
      return;
    }
    if (response.status === 403) {
      // No longer allowed: stay on polling.
      aborter = null;
      setState('polling');
      return;
    }
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    await read(response.body);
  } catch (e) {
    if (mine.signal.aborted) return;
    console.warn('event stream interrupted', e);
  }
  if (aborter !== mine) return;
  aborter = null;
  setState('polling');
  const wait = BACK_OFF_MS[Math.min(failures, BACK_OFF_MS.length - 1)];
  failures += 1;
  // A little jitter, so a controller restart is not met by every console in the same millisecond.
  retryTimer = setTimeout(connect, wait + Math.floor(Math.random() * 500));
}

/** Reads server-sent events: blocks separated by a blank line, `event:` and `data:` lines, `:` comments. */
async function read(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length === 0) continue; // a keep-alive comment
      const event = {name, data: JSON.parse(data.join('\n'))};
      if (name === 'hello') {
        failures = 0;
        setState('live');
      }
      dispatch(event);
    }
  }
}

/**
 * Keeps a view current: runs `refresh` now; then on every stream event calls `onEvent(event, refresh)`
 * (the view decides what to refetch); polls every `pollMs` while the stream is down and every
 * RESYNC_MS while it is up. `refresh` runs one at a time: asked again meanwhile, it runs once more after.
 * Returns stop().
 */
export function watch(pollMs, refresh, onEvent) {
  let stopped = false;
  let timer = null;
  let running = null;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await refresh();
        } catch (e) {
          console.warn('live update failed', e);
        }
      } while (again && !stopped);
    })();
    await running;
    running = null;
  };
  const schedule = () => {
    clearTimeout(timer);
    const ms = state === 'live' ? RESYNC_MS : pollMs;
    if (!stopped && ms > 0) timer = setTimeout(() => run().then(schedule), ms);
  };
  const handler = (event) => {
    if (stopped) return;
    if (event.name === 'resync') run();
    else if (onEvent) onEvent(event, run);
  };
  handlers.add(handler);
  stateHandlers.add(schedule);
  startStream();
  run().then(schedule);
  return () => {
    stopped = true;
    clearTimeout(timer);
    handlers.delete(handler);
    stateHandlers.delete(schedule);
  };
}

/** Whether a `screens` event concerns `screenId` (or every screen). */
export function namesScreen(event, screenId) {
  return event.name === 'screens' && (event.data.all || (event.data.ids || []).includes(screenId));
}

// The header's small "live" indicator: one element, moved into each new header.
const indicator = h('span', {class: 'live-state', role: 'status', 'data-live': 'off'});

export function liveIndicator() {
  indicator.textContent = t(`live.${state}`);
  return indicator;
}
