// A week of opening hours as a gate keeps it: each day open or not, with its own spans
// ("07:00-11:30, 13:00-22:00"). Weekends and market days often keep other hours than weekdays, which one
// list of spans for every ticked day could not say (and a week set otherwise was flattened when edited).
import {h} from './dom.js';
import {t} from './i18n.js';
import {spansText, parseSpans, WEEKDAYS} from './layoutview.js';

const MONDAY_FIRST = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
/**
 * A day's spans as parseSpans reads them: what it cannot read it leaves out, and a ticked day left with no span is
 * stored closed. The form's own check (dom.js) refuses anything else, naming the day.
 */
const SPANS_PATTERN = String.raw`\s*\d{2}:\d{2}\s*-\s*\d{2}:\d{2}\s*(,\s*\d{2}:\d{2}\s*-\s*\d{2}:\d{2}\s*)*`;

/** The week a gate or a new opening-hours widget starts with: every day open 07:00–22:00. */
export function usualWeek() {
  return MONDAY_FIRST.map((day) => ({day, spans: [{open: '07:00', close: '22:00'}]}));
}

/**
 * {element, week()}: the days of `week` ([{day, spans}]) ticked open with their spans; a closed day offers the
 * first open day's spans when ticked. `onChange` is told of every edit; week() reads the days ticked open, each
 * with its spans.
 */
export function weekHours(week, onChange = () => {}) {
  const set = new Map(week.map((d) => [d.day, spansText(d.spans)]));
  const offered = set.size ? set.values().next().value : spansText(usualWeek()[0].spans);
  const rows = MONDAY_FIRST.map((day) => {
    const spans = h('input', {autocomplete: 'off', 'data-day-spans': day, value: set.get(day) || offered,
      required: true, pattern: SPANS_PATTERN, 'data-pattern-hint': t('lay.spansHint'),
      'aria-label': t('lay.daySpans', {day: t(`lay.day.${day}`)}), disabled: !set.has(day),
      oninput: () => onChange()});
    const open = h('input', {type: 'checkbox', 'data-open-day': day, checked: set.has(day),
      onchange: () => { spans.disabled = !open.checked; onChange(); }});
    return {day, open, spans};
  });
  return {
    element: h('fieldset', {class: 'week-hours'}, h('legend', {}, t('lay.openingWeek')),
      h('table', {}, h('tbody', {}, rows.map((r) => h('tr', {'data-day': r.day},
        h('th', {scope: 'row'}, h('label', {class: 'check'}, r.open, ' ', t(`lay.day.${r.day}`))),
        h('td', {}, r.spans))))),
      h('p', {class: 'hint'}, t('lay.spansHint'))),
    week: () => rows.filter((r) => r.open.checked).map((r) => ({day: r.day, spans: parseSpans(r.spans.value)})),
  };
}
