// The engine's checks before a publish (GET /api/v1/publish/checks): gaps, equal-priority
// conflicts, missing languages, campaigns that never play or reach no screen — listed on the
// publish page so the operator sees them before pressing Publish. Each finding is said in the
// console's language from its code and details (its parts by name); a code this console does not
// know yet shows the engine's English sentence.
import {h, fill, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr, languageName, formatList} from './i18n.js';
import {loadScreens, screenName} from './screennames.js';
import {loadTitles, playingText} from './playing.js';
import {shapeText} from './layouttemplates.js';

const DAYS_AHEAD = 7;
const SCREENS_LISTED = 8;

/** A card that fills itself with the checks; call it where the publish page lays out its parts. */
export function publishChecks() {
  const box = h('section', {class: 'card checks-card', 'aria-labelledby': 'checks-h', id: 'publish-checks'});
  const load = async () => {
    fill(box, h('h2', {id: 'checks-h'}, t('checks.title')), h('p', {class: 'loading'}, t('common.loading')));
    try {
      // Findings name screens as the board does, and items by their titles.
      const [answer] = await Promise.all([api.get(`/api/v1/publish/checks?days=${DAYS_AHEAD}`), loadScreens(),
        loadTitles()]);
      draw(box, answer, load);
    } catch (err) {
      fill(box, h('h2', {id: 'checks-h'}, t('checks.title')),
        h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message})));
    }
  };
  load();
  return box;
}

/** A few screens by name (their id when not known), and how many more. */
export function listScreens(list) {
  const names = list.map(screenName);
  return names.length <= SCREENS_LISTED ? names.join(', ')
    : `${names.slice(0, SCREENS_LISTED).join(', ')} … (+${names.length - SCREENS_LISTED})`;
}

function draw(box, answer, reload) {
  const count = (severity) => answer.findings.filter((f) => f.severity === severity).length;
  const screens = listScreens;
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
        // What the finding is about: an item by its title, anything else (a campaign) by its id.
        f.subjects.length ? h('span', {class: 'subjects'}, ` · ${f.subjects.map(playingText).join(', ')}`) : null,
        // Found on several screens: the engine's sentence is the first one's, so it reads as an example.
        h('p', {class: 'finding-message'}, f.screens.length > 1 ? h('span', {class: 'sub-inline'}, t('checks.example'), ' ') : null,
          sentence(f)),
        f.screens.length ? h('p', {class: 'sub'}, t('checks.screens', {list: screens(f.screens)})) : null))));
}

// The details' local date-times ("2026-03-02T06:00") are already the gate's: shown dd/mm HH:mm.
const dmhm = (local) => `${local.slice(8, 10)}/${local.slice(5, 7)} ${local.slice(11, 16)}`;
const hoursMinutes = (seconds) => {
  const mins = Math.round(seconds / 60);
  if (mins < 60) return t('checks.minutes', {m: mins});
  return mins % 60 === 0 ? t('sched.hours', {h: mins / 60}) : t('sched.hoursMinutes', {h: Math.floor(mins / 60), m: mins % 60});
};
const screenCount = (n) => (Number(n) === 1 ? t('checks.oneScreen') : t('checks.nScreens', {n}));
const campaignOf = (d) => d.campaignName || d.campaign;
// "zh-Hans,en" → "Chinese or English": the languages a reader may be missing, said as one of them.
const languagesOr = (tags) => formatList(tags.split(',').map(languageName), 'disjunction');

/** Each code's template parameters from the finding's details. */
const PARAMS = {
  GAP: (d) => ({screen: screenName(d.screen), idle: hoursMinutes(Number(d.idleSeconds)), from: dmhm(d.from), to: dmhm(d.to), zone: d.zone}),
  NEVER_PLAYS: (d) => ({campaign: campaignOf(d)}),
  NO_SCREENS: (d) => ({campaign: campaignOf(d)}),
  MISSING_LANGUAGE: (d) => ({
    item: d.itemTitle || d.item,
    source: d.source === 'campaign' ? t('checks.source.campaign', {campaign: campaignOf(d)}) : t('checks.source.default'),
    languages: languagesOr(d.languages),
    fallback: languageName(d.fallback), screens: screenCount(d.screens)}),
  INCOMPLETE_LANGUAGES: (d) => ({item: d.itemTitle || d.item, campaign: campaignOf(d),
    missing: languagesOr(d.missing), screens: screenCount(d.screens)}),
  SAME_PRIORITY_OVERLAP: (d) => ({campaign: campaignOf(d), other: d.otherCampaignName || d.otherCampaign,
    priority: d.priority, at: dmhm(d.at), screens: screenCount(d.screens)}),
  INVALID_RRULE: (d) => ({field: d.field, problem: d.problem}),
  MAIN_REGION_EMPTY: (d) => ({screen: screenName(d.screen), layout: d.layout, idle: hoursMinutes(Number(d.idleSeconds)),
    from: dmhm(d.from), to: dmhm(d.to), zone: d.zone}),
  LAYOUT_SHAPE_MISMATCH: (d) => ({screen: screenName(d.screen), layout: d.layout, shape: shapeText(d.shape),
    orientation: shapeText(d.orientation)}),
};

/** The finding in the console's language, or the engine's English sentence for a code we do not know. */
function sentence(f) {
  const params = PARAMS[f.code];
  if (!params || !f.details || !tOr(`checks.say.${f.code}`, null)) return h('span', {lang: 'en'}, f.message);
  // The finding stands for all its screens: its count is theirs, not the first one's example's.
  const counted = f.screens.length > 1 ? {screens: screenCount(f.screens.length)} : {};
  return h('span', {class: 'finding-text'}, t(`checks.say.${f.code}`, {...params(f.details), ...counted}));
}
