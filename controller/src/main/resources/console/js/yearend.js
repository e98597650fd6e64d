// The year-end summary (#/reports/year-end): for a year, every border gate's plays, airtime and
// uptime side by side, then one gate in detail (by campaign, language, month, item, screen) with
// its CSV. A gate's year runs from 1 January 00:00 to 1 January 00:00 in the gate's own time zone.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, currentLanguage, formatNumber, formatDuration, formatPercent, formatDateTime} from './i18n.js';
import {firstGate, gates, gateName, homeZone} from './gates.js';
import {barChart, groupLabel} from './charts.js';
import {todayIn} from './zonetime.js';

const FIRST_YEAR = 2000;

export function renderYearEnd(main) {
  const thisYear = Number(todayIn(homeZone()).slice(0, 4));
  const year = h('input', {type: 'number', id: 'year-end-year', min: FIRST_YEAR, max: 9999, required: true,
    defaultValue: thisYear});
  // Another gate is already summarised in the overview: switching shows it without asking again.
  const gate = h('select', {id: 'year-end-gate', onchange: () => { if (summaries) drawDetail(detailOf(summaries)); }},
    gates().map((g) => h('option', {value: g.id, selected: g.id === firstGate()}, gateName(g.id))));
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const overview = h('div', {id: 'year-end-overview'});
  const detail = h('div', {id: 'year-end-detail'});
  let summaries = null;   // the year's summary of every gate, as last shown
  let shown = null;       // the one gate's summary in detail: what the CSV button downloads
  const detailOf = (all) => all.find((s) => s.clusterId === gate.value) || all[0];

  async function run() {
    message.className = 'message';
    message.textContent = '';
    const y = Number(year.value);
    try {
      // Every gate's year in one answer, each in its gate's zone.
      summaries = await api.get(`/api/v1/reports/year-end/gates?year=${y}`);
      drawOverview(summaries, y);
      drawDetail(detailOf(summaries));
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  /** One gate's CSV, or with no gate every gate's in one table (what the province reports). */
  async function downloadCsv(clusterId, y) {
    try {
      const url = await api.imageUrl(clusterId
        ? `/api/v1/reports/year-end?year=${y}&clusterId=${encodeURIComponent(clusterId)}&format=csv`
        : `/api/v1/reports/year-end/gates?year=${y}&format=csv`);
      const link = h('a', {href: url, download: `year-end-${clusterId || 'all-gates'}-${y}.csv`});
      document.body.append(link);
      link.click();
      link.remove();
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  function drawOverview(all, y) {
    fill(overview,
      h('h2', {id: 'year-end-overview-h'}, t('yearEnd.overview', {year: y})),
      h('div', {class: 'buttons'}, h('button', {type: 'button', id: 'year-end-csv-all',
        onclick: () => downloadCsv(null, y)}, t('yearEnd.csvAll'))),
      barChart(t('yearEnd.playsByGate'), all.map((s) => ({label: gateName(s.clusterId), value: s.totalPlays,
        text: formatNumber(s.totalPlays)}))),
      barChart(t('yearEnd.uptimeByGate'), all.map((s) => ({label: gateName(s.clusterId), value: s.uptimePercent,
        text: formatPercent(s.uptimePercent)})), 100),
      h('table', {class: 'list'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('screen.cluster')), h('th', {scope: 'col'}, t('reports.plays')),
          h('th', {scope: 'col'}, t('reports.airtime')), h('th', {scope: 'col'}, t('reports.uptime')))),
        h('tbody', {}, all.map((s) => h('tr', {'data-year-end': s.clusterId},
          h('th', {scope: 'row'}, gateName(s.clusterId)),
          h('td', {}, formatNumber(s.totalPlays)),
          h('td', {}, formatDuration(s.totalAirtimeSeconds)),
          h('td', {}, formatPercent(s.uptimePercent)))))));
  }

  function drawDetail(s) {
    shown = s;
    const rows = (list, groupBy) => list.map((r) => ({value: r.plays, text: formatNumber(r.plays), ...groupLabel(groupBy, r)}));
    fill(detail,
      h('h2', {id: 'year-end-detail-h'}, t('yearEnd.detail', {gate: gateName(s.clusterId), year: s.year})),
      h('p', {class: 'sub', id: 'year-end-period'}, t('reports.period', {from: formatDateTime(s.from, s.zone),
        to: formatDateTime(s.to, s.zone), zone: s.zone})),
      h('p', {class: 'summary'}, t('yearEnd.totals', {count: s.totalPlays, plays: formatNumber(s.totalPlays),
        airtime: formatDuration(s.totalAirtimeSeconds), uptime: formatPercent(s.uptimePercent)})),
      h('div', {class: 'buttons'}, h('button', {type: 'button', id: 'year-end-csv',
        onclick: () => downloadCsv(shown.clusterId, shown.year)}, t('reports.csv'))),
      s.totalPlays === 0 ? h('p', {class: 'empty'}, t('reports.noPlays')) : [
        h('div', {class: 'columns'},
          barChart(t('reports.chartPlays', {by: t('reports.by.campaign').toLocaleLowerCase()}), rows(s.campaigns, 'campaign')),
          barChart(t('reports.chartPlays', {by: t('reports.by.language').toLocaleLowerCase()}), rows(s.languages, 'language'))),
        barChart(t('yearEnd.byMonth'), s.months.map((r) => ({label: monthName(r.key), value: r.plays,
          text: formatNumber(r.plays)}))),
        h('h3', {}, t('reports.by.item')),
        h('table', {class: 'list', id: 'year-end-items'},
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('reports.by.item')), h('th', {scope: 'col'}, t('reports.plays')),
            h('th', {scope: 'col'}, t('reports.airtime')))),
          h('tbody', {}, s.items.map((r) => h('tr', {},
            h('td', {}, r.title ? `${r.title} (${r.key})` : r.key),
            h('td', {}, formatNumber(r.plays)), h('td', {}, formatDuration(r.airtimeSeconds))))))],
      s.screens.length === 0 ? null : [
        h('h3', {}, t('yearEnd.screens')),
        h('table', {class: 'list', id: 'year-end-screens'},
          h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('reports.by.screen')), h('th', {scope: 'col'}, t('reports.uptime')),
            h('th', {scope: 'col'}, t('reports.measured')))),
          h('tbody', {}, s.screens.map((r) => h('tr', {},
            h('td', {}, h('a', {href: `#/screens/${encodeURIComponent(r.screenId)}`}, r.screenName || r.screenId)),
            h('td', {}, formatPercent(r.uptimePercent)),
            h('td', {}, formatDuration(r.measuredSeconds))))))]);
  }

  fill(main,
    h('h1', {}, t('yearEnd.title')),
    h('p', {}, h('a', {href: '#/reports'}, t('yearEnd.back'))),
    h('form', {class: 'card', onsubmit: (e) => { e.preventDefault(); run(); }},
      h('div', {class: 'grid-4'}, field(t('yearEnd.year'), year), field(t('screen.cluster'), gate)),
      h('div', {class: 'buttons'}, h('button', {type: 'submit', class: 'primary'}, t('reports.show'))),
      message),
    h('section', {class: 'card', 'aria-labelledby': 'year-end-overview-h'}, overview),
    h('section', {class: 'card', 'aria-labelledby': 'year-end-detail-h'}, detail));
  run();
}

/** "2026-03" as the month's name in the console's language ("tháng 3 năm 2026", "March 2026"). */
function monthName(key) {
  const [y, m] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB', {month: 'long', year: 'numeric',
    timeZone: 'UTC'}).format(new Date(Date.UTC(y, m - 1, 1)));
}
