// The one way the console talks to the controller: JSON over /api/v1 with the bearer token.
import {refusalText} from './errors.js';

const TOKEN_KEY = 'gatecast.token';
const USER_KEY = 'gatecast.user';

/**
 * A refusal from the controller: its HTTP status, stable code and details, and as message the
 * sentence in the console's language (the controller's English only for a code not known here).
 */
export class ApiError extends Error {
  constructor(status, message, code, details) {
    super(refusalText(code, details) || message);
    this.status = status;
    this.code = code || null;
    this.details = details || {};
    this.english = message;
  }
}

/** Errors from the last action are stale once the next one starts: clear every error line shown. */
function clearStaleErrors() {
  for (const el of document.querySelectorAll('.message.error, .form-problem')) {
    el.textContent = '';
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() {
    const raw = sessionStorage.getItem(USER_KEY);
    return raw ? JSON.parse(raw) : null;
  },
  save(token, user) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};

/** Called when the controller says the token is no longer good (expired, logged out elsewhere). */
let onUnauthorised = () => {};
export function whenUnauthorised(handler) { onUnauthorised = handler; }
/** Says the token is no longer good, as a refused call does (the event stream's reconnect, say). */
export function sessionEnded() { onUnauthorised(); }

async function call(method, path, body, action = method !== 'GET') {
  const headers = {};
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (action) clearStaleErrors();
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  const data = text && (response.headers.get('Content-Type') || '').includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/login') onUnauthorised();
    throw new ApiError(response.status, (data && data.error) || `HTTP ${response.status}`, data && data.code,
      data && data.details);
  }
  return data;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body === undefined ? {} : body),
  /**
   * A POST that only reads (a layout's preview, asked as the operator types): not an action, so the errors
   * shown stay — the form's problem said at the last save was wiped by the preview it set off.
   */
  ask: (path, body) => call('POST', path, body, false),
  put: (path, body) => call('PUT', path, body),
  del: (path) => call('DELETE', path),

  /** Fetches an image that needs the token (thumbnails, screenshots) and gives a blob: URL for <img>. */
  async imageUrl(path) {
    const response = await fetch(path, {headers: {Authorization: `Bearer ${session.token}`}});
    if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`);
    return URL.createObjectURL(await response.blob());
  },

  async login(username, password) {
    const answer = await call('POST', '/api/v1/login', {username, password});
    session.save(answer.token, answer.user);
    return answer.user;
  },

  async logout() {
    try {
      await call('POST', '/api/v1/logout', {});
    } finally {
      session.clear();
    }
  },

  /**
   * Uploads a file to the media library with XMLHttpRequest, the one browser API that reports
   * upload progress. onProgress(fraction 0..1). Resolves with the stored media's metadata.
   */
  upload(file, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      clearStaleErrors();
      xhr.open('POST', `/api/v1/media?name=${encodeURIComponent(file.name)}`);
      xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
      // Let the controller find the type from the bytes: a browser's guess may contradict them.
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
      xhr.onload = () => {
        let data = null;
        try { data = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1);
          resolve(data);
        } else {
          if (xhr.status === 401) onUnauthorised();
          reject(new ApiError(xhr.status, (data && data.error) || `HTTP ${xhr.status}`, data && data.code,
            data && data.details));
        }
      };
      xhr.onerror = () => reject(new ApiError(0, 'network'));
      xhr.send(file);
    });
  },
};
