// Reports: proof of play over a period grouped by campaign, language, item, screen, gate or day,
// as a chart and a table with a CSV download; each gate's uptime over the same period; and, at
// #/reports/year-end, the year-end summary (yearend.js).
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, formatNumber, formatDuration, formatPercent, formatDateTime} from './i18n.js';
import {gates, gateName, homeZone, zoneOf} from './gates.js';
import {barChart, groupLabel} from './charts.js';
import {renderYearEnd} from './yearend.js';
import {addDays} from './recurrence.js';
import {instantIn, todayIn} from './zonetime.js';

/** The most groups a chart shows (the table below it has them all). */
const CHART_ROWS = 15;

const GROUPS = ['campaign', 'language', 'item', 'screen', 'cluster', 'day'];

export function renderReports(main, page) {
  if (page === 'year-end') return renderYearEnd(main);
  const today = todayIn(homeZone());
  const from = h('input', {type: 'date', id: 'report-from', defaultValue: addDays(today, -6)});
  const to = h('input', {type: 'date', id: 'report-to', defaultValue: today});
  const gate = h('select', {id: 'report-gate'}, h('option', {value: ''}, t('reports.allGates')),
    gates().map((g) => h('option', {value: g.id}, gateName(g.id))));
  const groupBy = h('select', {id: 'report-group'}, GROUPS.map((g) => h('option', {value: g}, t(`reports.by.${g}`))));
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const plays = h('div', {id: 'report-plays'});
  const uptime = h('div', {id: 'report-uptime'});

  function query(extra = '') {
    const zone = zoneOf(gate.value || 'default');
    // The period is whole days in the gate's zone: [from 00:00, the day after `to` 00:00).
    const start = instantIn(from.value, zone);
    const end = instantIn(addDays(to.value, 1), zone);
    let q = `from=${start.toISOString()}&to=${end.toISOString()}`;
    if (gate.value) q += `&clusterId=${encodeURIComponent(gate.value)}`;
    return q + extra;
  }

  async function run() {
    message.className = 'message';
    message.textContent = '';
    try {
      const [report, up] = await Promise.all([
        api.get(`/api/v1/reports/plays?${query(`&groupBy=${groupBy.value}`)}`),
        api.get(`/api/v1/uptime?${query()}`)]);
      drawPlays(report);
      drawUptime(up);
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  async function downloadCsv() {
    try {
      const url = await api.imageUrl(`/api/v1/reports/plays?${query(`&groupBy=${groupBy.value}&format=csv`)}`);
      const link = h('a', {href: url, download: `plays-by-${groupBy.value}-${from.value}-to-${to.value}.csv`});
      document.body.append(link);
      link.click();
      link.remove();
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  function drawPlays(report) {
    const heading = t(`reports.by.${groupBy.value}`);
    fill(plays,
      // The period as the controller read it, midnight to midnight in the gate's zone: the date fields show dates
      // in the browser's own format (12/01/2026 in an English browser), which a Vietnamese reader takes for January.
      h('p', {class: 'sub', id: 'report-period'}, t('reports.period', {from: formatDateTime(report.from, report.zone),
        to: formatDateTime(report.to, report.zone), zone: report.zone})),
      h('p', {class: 'summary'}, t('reports.total', {count: report.totalPlays, plays: formatNumber(report.totalPlays),
        airtime: formatDuration(report.totalAirtimeSeconds)})),
      report.rows.length === 0 ? null : barChart(t('reports.chartPlays', {by: heading.toLocaleLowerCase()}),
        report.rows.slice(0, CHART_ROWS).map((r) => ({value: r.plays, text: formatNumber(r.plays),
          ...groupLabel(report.groupBy, r)}))),
      report.rows.length === 0 ? h('p', {class: 'empty'}, t('reports.noPlays')) : h('table', {class: 'list'},
        h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, heading), h('th', {scope: 'col'}, t('reports.plays')),
          h('th', {scope: 'col'}, t('reports.airtime')))),
        h('tbody', {}, report.rows.map((r) => h('tr', {},
          // Named as the chart names it (a language, a gate, an item's title), not by its code.
          h('td', {'data-key': r.key}, groupLabel(report.groupBy, r).label),
          h('td', {}, formatNumber(r.plays)),
          h('td', {}, formatDuration(r.airtimeSeconds)))))));
  }

  function drawUptime(up) {
    fill(uptime, up.clusters.length === 0 ? null : barChart(t('reports.chartUptime'),
      up.clusters.map((c) => ({label: gateName(c.clusterId), value: c.uptimePercent, text: formatPercent(c.uptimePercent)})), 100),
    up.clusters.length === 0 ? h('p', {class: 'empty'}, t('reports.noUptime')) : h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, t('screen.cluster')), h('th', {scope: 'col'}, t('reports.uptime')),
        h('th', {scope: 'col'}, t('reports.measured')))),
      h('tbody', {}, up.clusters.map((c) => h('tr', {'data-uptime': c.clusterId},
        h('td', {}, gateName(c.clusterId)),
        h('td', {}, formatPercent(c.uptimePercent)),
        h('td', {}, formatDuration(c.measuredSeconds)))))));
  }

  fill(main,
    h('h1', {}, t('reports.title')),
    h('p', {}, h('a', {href: '#/reports/year-end', id: 'year-end-link'}, t('reports.yearEnd.open'))),
    h('form', {class: 'card', onsubmit: (e) => { e.preventDefault(); run(); }},
      h('div', {class: 'grid-4'}, field(t('reports.from'), from), field(t('reports.to'), to),
        field(t('screen.cluster'), gate), field(t('reports.groupBy'), groupBy)),
      h('div', {class: 'buttons'},
        h('button', {type: 'submit', class: 'primary'}, t('reports.show')),
        h('button', {type: 'button', id: 'report-csv', onclick: downloadCsv}, t('reports.csv'))),
      message),
    h('section', {class: 'card', 'aria-labelledby': 'plays-h'}, h('h2', {id: 'plays-h'}, t('reports.playsTitle')), plays),
    h('section', {class: 'card', 'aria-labelledby': 'uptime-h'}, h('h2', {id: 'uptime-h'}, t('reports.uptimeTitle')), uptime));
  run();
}
