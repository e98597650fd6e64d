// The audit log: who did what to which thing, newest first, filtered by kind of thing and its id,
// a page at a time; times in the home gate's zone.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDateTime} from './i18n.js';
import {homeZone} from './gates.js';
import {changeCell, namesScreens, shortId} from './auditchange.js';
import {loadTitles} from './playing.js';
import {loadGroupNames} from './groupnames.js';
import {loadScreens} from './screennames.js';

const PAGE = 50;
// Every kind of thing the controller records (AuditLog's subject types), so each can be filtered on.
const TYPES = ['', 'content', 'playlist', 'campaign', 'screen', 'screen-playlist', 'cluster', 'group', 'user',
  'publish', 'alert', 'media', 'layout', 'enrollment', 'gate-facts', 'signing-key'];

export function renderAudit(main) {
  const type = h('select', {id: 'audit-type'}, TYPES.map((v) => h('option', {value: v}, v ? tOr(`audit.type.${v}`, v)
    : t('audit.anyType'))));
  const subject = h('input', {id: 'audit-subject', autocomplete: 'off', maxLength: 64});
  const table = h('div', {class: 'table-wrap'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const more = h('button', {type: 'button', hidden: true, onclick: () => load(true)}, t('audit.more'));
  let oldest = null;
  let rows = [];

  fill(main, h('h1', {}, t('audit.title')),
    h('form', {class: 'card toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); load(false); }},
      field(t('audit.type'), type), field(t('audit.subject'), subject, t('audit.subjectHint')),
      h('button', {type: 'submit', class: 'primary', 'data-action': 'filter-audit'}, t('audit.show'))),
    message, table, more);

  async function load(next) {
    const query = new URLSearchParams({limit: String(PAGE)});
    if (type.value) query.set('subjectType', type.value);
    if (subject.value.trim()) query.set('subjectId', subject.value.trim());
    if (next && oldest !== null) query.set('before', String(oldest));
    try {
      // Items are said by their titles in the change column.
      const [page] = await Promise.all([api.get(`/api/v1/audit?${query}`), loadTitles(), loadGroupNames()]);
      // Screens by their names too, read only when the page names any (the fleet can be 10,000 screens).
      if (page.some(namesScreens)) await loadScreens().catch(() => {});
      rows = next ? rows.concat(page) : page;
      oldest = page.length ? page[page.length - 1].id : oldest;
      more.hidden = page.length < PAGE;
      message.className = 'message';
      message.textContent = t('audit.count', {count: rows.length});
      fill(table, rows.length === 0 ? h('p', {class: 'empty'}, t('audit.none')) : h('table', {},
        h('thead', {}, h('tr', {}, [t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.type'),
          t('audit.subject'), t('audit.change')].map((c) => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, rows.map((e) => h('tr', {'data-audit': e.id},
          h('td', {}, formatDateTime(e.at, homeZone())), h('td', {}, e.actor),
          h('td', {}, actionText(e)),
          h('td', {}, tOr(`audit.type.${e.subjectType}`, e.subjectType)),
          h('td', {title: e.subjectId}, shortId(e.subjectId)),
          h('td', {class: 'audit-change'}, changeCell(e)))))));
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  load(false);
}

/** What was done, in the reader's words; a command says which ("gửi lệnh: Chụp màn hình"). */
function actionText(e) {
  const action = tOr(`audit.action.${e.action}`, e.action);
  const kind = e.action === 'command' && e.after && e.after.kind;
  return kind ? `${action}: ${tOr(`cmd.${kind}`, kind)}` : action;
}
