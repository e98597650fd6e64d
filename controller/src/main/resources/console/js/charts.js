// Horizontal bar charts for the reports: one labelled row per group, the figure written beside
// its bar, so the chart reads without colour and a screen reader reads the words, not the bars.
import {h} from './dom.js';
import {t, languageName} from './i18n.js';
import {gateName} from './gates.js';

/**
 * rows: [{label, value, text, lang}] in the order to show; `max` fixes the full bar (100 for
 * percentages), otherwise the largest value fills it.
 */
export function barChart(caption, rows, max) {
  const top = max ?? Math.max(0, ...rows.map((r) => r.value || 0));
  return h('figure', {class: 'bar-chart'},
    h('figcaption', {}, caption),
    h('ul', {}, rows.map((r) => {
      const fill = h('span', {class: 'bar-fill'});
      // Set through the CSSOM: the console's policy forbids style attributes in markup.
      fill.style.width = `${top > 0 ? Math.max(0, Math.min(100, (100 * (r.value || 0)) / top)) : 0}%`;
      return h('li', {},
        h('span', {class: 'bar-label', lang: r.lang || null}, r.label),
        h('span', {class: 'bar-track', 'aria-hidden': 'true'}, fill),
        h('span', {class: 'bar-value'}, r.text));
    })));
}

/** How a chart names a group of a report: a language or a gate by its name, the default playlist in words. */
export function groupLabel(groupBy, row) {
  if (groupBy === 'language') return {label: languageName(row.key)};
  if (groupBy === 'cluster') return {label: gateName(row.key)};
  if (groupBy === 'campaign' && row.key === '') return {label: t('reports.defaultPlaylist')};
  return {label: row.title || row.key};
}
