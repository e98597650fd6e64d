// The engine's checks before a publish (GET /api/v1/publish/checks): gaps, equal-priority
// conflicts, missing languages, campaigns that never play or reach no screen — listed on the
// publish page so the operator sees them before pressing Publish. The engine's sentence is shown
// as it comes (English); the heading of each finding is in the console's language.
import {h, fill, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr} from './i18n.js';

const DAYS_AHEAD = 7;
const SCREENS_LISTED = 8;

/** A card that fills itself with the checks; call it where the publish page lays out its parts. */
export function publishChecks() {
  const box = h('section', {class: 'card checks-card', 'aria-labelledby': 'checks-h', id: 'publish-checks'});
  const load = async () => {
    fill(box, h('h2', {id: 'checks-h'}, t('checks.title')), h('p', {class: 'loading'}, t('common.loading')));
    try {
      draw(box, await api.get(`/api/v1/publish/checks?days=${DAYS_AHEAD}`), load);
    } catch (err) {
      fill(box, h('h2', {id: 'checks-h'}, t('checks.title')),
        h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message})));
    }
  };
  load();
  return box;
}

function draw(box, answer, reload) {
  const count = (severity) => answer.findings.filter((f) => f.severity === severity).length;
  const screens = (list) => (list.length <= SCREENS_LISTED ? list.join(', ')
    : `${list.slice(0, SCREENS_LISTED).join(', ')} … (+${list.length - SCREENS_LISTED})`);
  fill(box,
    h('div', {class: 'section-head'}, h('h2', {id: 'checks-h'}, t('checks.title')),
      h('button', {type: 'button', class: 'link-button', onclick: reload}, t('checks.refresh'))),
    h('p', {class: 'hint'}, t('checks.hint', {days: DAYS_AHEAD})),
    h('p', {class: 'summary', id: 'checks-summary'}, answer.findings.length === 0 ? t('checks.ok')
      : t('checks.summary', {errors: count('ERROR'), warnings: count('WARNING'), screens: answer.screenCount})),
    answer.findings.length === 0 ? null : h('ul', {class: 'findings'}, answer.findings.map((f) =>
      h('li', {class: `finding ${f.severity.toLowerCase()}`, 'data-code': f.code},
        badge(t(`checks.${f.severity}`), f.severity === 'ERROR' ? 'bad' : 'warn'), ' ',
        h('strong', {}, tOr(`checks.code.${f.code}`, f.code)),
        f.subjects.length ? h('span', {class: 'subjects'}, ` · ${f.subjects.join(', ')}`) : null,
        // Found on several screens: the engine's sentence is the first one's, so it reads as an example.
        h('p', {class: 'finding-message'}, f.screens.length > 1 ? h('span', {class: 'sub-inline'}, t('checks.example'), ' ') : null,
          h('span', {lang: 'en'}, f.message)),
        f.screens.length ? h('p', {class: 'sub'}, t('checks.screens', {list: screens(f.screens)})) : null))));
}
