// The shell: sign-in, the header with navigation (only what the user's roles may do), language
// switch, and the hash router that shows one screen of the console at a time.
import {h} from './dom.js';
import {api, session, whenUnauthorised} from './api.js';
import {t, currentLanguage, setLanguage, onLanguageChange} from './i18n.js';
import {may, REVIEWERS, SCHEDULERS, FIELD} from './roles.js';
import {loadGates} from './gates.js';
import {renderLogin} from './login.js';
import {renderFleet} from './fleet.js';
import {renderScreen} from './screen.js';
import {renderLibrary} from './library.js';
import {renderReview} from './review.js';
import {renderPublish} from './publish.js';
import {renderAlert} from './alert.js';
import {renderReports} from './reports.js';
import {renderSchedule} from './calendar.js';
import {renderSetup} from './setup.js';
import {renderPlaylists} from './playlists.js';
import {renderLayouts} from './layouts.js';
import {renderUsers} from './users.js';
import {renderAudit} from './audit.js';
import {renderAccount} from './account.js';
import {liveIndicator, startStream, stopStream} from './live.js';

/** The sections in the navigation, each with the roles that see it ([] = everyone signed in). */
const SECTIONS = [
  {id: 'fleet', roles: [], render: renderFleet},
  {id: 'content', roles: [], render: renderLibrary},
  {id: 'schedule', roles: [], render: renderSchedule},
  {id: 'review', roles: REVIEWERS, render: renderReview},
  {id: 'publish', roles: SCHEDULERS, render: renderPublish},
  {id: 'alert', roles: SCHEDULERS, render: renderAlert},
  {id: 'reports', roles: [], render: renderReports},
  {id: 'playlists', roles: SCHEDULERS, render: renderPlaylists},
  {id: 'layouts', roles: SCHEDULERS, render: renderLayouts},
  {id: 'setup', roles: FIELD, render: renderSetup},
  {id: 'users', roles: ['admin'], render: renderUsers},
  {id: 'audit', roles: ['operator', 'approver'], render: renderAudit},
  {id: 'account', roles: [], render: renderAccount},
];
// A contributor's work is the library; everyone else starts on the fleet board.
const CONTRIBUTOR_START = 'content';

const root = document.getElementById('app');
let stopView = null;
// Counts show() calls: one that waited (for the gates) while a later one started draws nothing, so only the
// page on screen is refreshing (its stop function was lost otherwise, and its watch ran on for the session).
let shown = 0;
// Why the sign-in page shows when a session was ended under the user (a new password, a disabled account):
// said once, on that page, instead of a bare form.
let signInNotice = null;

function languageButton() {
  const other = currentLanguage() === 'vi' ? 'en' : 'vi';
  return h('button', {type: 'button', class: 'link-button lang-button', lang: other,
    'aria-label': t('lang.switchLabel'), onclick: () => setLanguage(other)}, t('lang.switch'));
}

function parseRoute() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return {section: parts[0] || '', arg: parts[1] || null};
}

function startSection() {
  const user = session.user;
  const only = (role) => user && user.roles.every((r) => r === role);
  if (only('contributor')) return CONTRIBUTOR_START;
  // An approver's work is the review queue.
  if (only('approver')) return 'review';
  return 'fleet';
}

/** Stops the shown view's refreshing (its timers and stream handlers). */
function leaveView() {
  if (stopView) {
    stopView();
    stopView = null;
  }
}

/** Goes to a page: through the hash when it changes (its hashchange shows it), else shown again here. */
function go(hash) {
  if (location.hash === hash) show();
  else location.hash = hash;
}

async function show() {
  const ticket = ++shown;
  leaveView();
  document.documentElement.lang = currentLanguage();
  document.title = t('app.name');
  if (!session.token) {
    renderLogin(root, () => go(`#/${startSection()}`), languageButton, signInNotice);
    signInNotice = null;
    return;
  }
  const route = parseRoute();
  const sectionId = route.section === 'screens' ? 'fleet' : route.section;
  const section = SECTIONS.find((s) => s.id === sectionId && may(s.roles));
  if (!section) {
    location.replace(`#/${startSection()}`);
    return;
  }
  const main = h('main', {id: 'main', tabindex: '-1'}, h('p', {class: 'loading'}, t('common.loading')));
  root.replaceChildren(h('a', {class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); main.focus(); }},
    t('shell.skip')), header(section.id), main);
  // Live while signed in, whatever the page: the header's indicator said "offline" on a page that does not
  // watch anything itself (an approver lands on the review queue), and the first page that did waited for it.
  startStream();
  try {
    await loadGates();
    if (ticket !== shown) return;
    const render = route.section === 'screens' && route.arg ? renderScreen : section.render;
    stopView = render(main, route.arg) || null;
  } catch (err) {
    main.replaceChildren(h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message})));
  }
}

function header(active) {
  const user = session.user;
  const roles = user.roles.map((r) => t(`role.${r}`)).join(', ');
  return h('header', {class: 'top'},
    h('div', {class: 'top-row'},
      h('a', {class: 'brand', href: '#/fleet'}, t('app.name')),
      h('p', {class: 'who'}, t('shell.signedInAs', {user: user.username, roles})),
      h('div', {class: 'top-actions'},
        liveIndicator(),
        languageButton(),
        h('button', {type: 'button', class: 'link-button', onclick: logout}, t('shell.logout')))),
    h('nav', {'aria-label': t('shell.menu')},
      h('ul', {}, SECTIONS.filter((s) => may(s.roles)).map((s) =>
        h('li', {}, h('a', {href: `#/${s.id}`, 'aria-current': s.id === active ? 'page' : null,
          'data-section': s.id}, t(`nav.${s.id}`)))))));
}

async function logout() {
  // Nothing refreshes while the session ends: a refresh answered 401 meanwhile said "the session has ended".
  leaveView();
  stopStream();
  try {
    await api.logout();
  } catch {
    // the token is dropped here whatever the controller answered
  }
  go('');
}

whenUnauthorised(() => {
  stopStream();
  if (session.token) signInNotice = t('error.SESSION_ENDED');
  session.clear();
  show();
});
onLanguageChange(show);
window.addEventListener('hashchange', show);
show();
