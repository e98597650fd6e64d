// What the layout editor's preview shows: the view screen-renderer's layout.js draws (see the
// format at the top of layout.js), built here in the browser from the layout being edited, the
// library's items and the gate, for one language. On a screen the agent computes the same view
// from the signed rules; the differences are said where they are (the QR code, the lunar date).
import {TEMPLATES} from './layouttemplates.js';

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/**
 * An item's text in `language`, falling back along `languages` as a screen does (WidgetTexts.pick);
 * null when the item has no text at all.
 */
export function textOf(item, language, languages) {
  if (!item || !item.variants) return null;
  const texts = item.variants.filter((v) => v.text !== null && v.text !== undefined);
  for (const lang of [language, ...languages]) {
    const v = texts.find((x) => x.language === lang);
    if (v) return {text: v.text, language: v.language};
  }
  return texts.length ? {text: texts[0].text, language: texts[0].language} : null;
}

/** {date: 'yyyy-mm-dd', weekday, hhmm} of an instant in an IANA zone. */
export function localParts(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {timeZone: zone, year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'long'})
    .formatToParts(instant).map((p) => [p.type, p.value]));
  return {date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday.toUpperCase(),
    hhmm: `${parts.hour}:${parts.minute}`};
}

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(instant, zone) {
  const name = new Intl.DateTimeFormat('en-US', {timeZone: zone, timeZoneName: 'longOffset'})
    .formatToParts(instant).find((p) => p.type === 'timeZoneName').value;   // "GMT+07:00" or "GMT"
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] || 0)) : 0;
}

/** "UTC+7", "UTC+5:30", "UTC" — as the agent labels a zone (ZoneClocks). */
export function offsetLabel(minutes) {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

/** The instant of a wall-clock date and time ('2027-04-01T08:00') in an IANA zone. */
export function instantIn(localDateTime, zone) {
  const [d, t] = localDateTime.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [hh, mi] = (t || '00:00').split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, da, hh, mi);
  const first = guess - offsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess - offsetMinutes(new Date(first), zone) * 60000);
}

/**
 * A stand-in QR matrix for the preview (the three finder squares and a neutral middle): the agent
 * computes the real modules from the approved URL with a QR library, which the console does not ship.
 */
export function placeholderModules(size = 29) {
  const rows = [];
  const finder = (x, y) => {
    for (const [ox, oy] of [[0, 0], [size - 7, 0], [0, size - 7]]) {
      const fx = x - ox;
      const fy = y - oy;
      if (fx >= 0 && fx < 7 && fy >= 0 && fy < 7) {
        return fx === 0 || fx === 6 || fy === 0 || fy === 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4);
      }
    }
    return null;
  };
  for (let y = 0; y < size; y++) {
    let row = '';
    for (let x = 0; x < size; x++) {
      const f = finder(x, y);
      row += (f === null ? ((x * 7 + y * 13) % 5 < 2) : f) ? '1' : '0';
    }
    rows.push(row);
  }
  return rows;
}

/** Today's spans of an OpeningHoursSpec, as the agent gives them to the page ([] = closed). */
export function spansOn(hours, date, weekday) {
  if (!hours || (hours.closedDates || []).includes(date)) return [];
  const day = (hours.week || []).find((d) => d.day === weekday);
  return day ? day.spans.map((s) => [s.open.slice(0, 5), s.close === '00:00' ? '24:00' : s.close.slice(0, 5)]) : [];
}

function widgetView(w, ctx) {
  const text = (id) => {
    const found = textOf(ctx.items.get(id), ctx.language, ctx.languages);
    return found ? found.text : '';
  };
  switch (w.type) {
    case 'CLOCK':
      return {type: 'CLOCK', zones: w.clock.zones.map((z) => ({
        label: z.labelItemId ? text(z.labelItemId) : z.zone.split('/').pop().replace(/_/g, ' '),
        time: localParts(ctx.now, z.zone).hhmm,
        offset: offsetLabel(offsetMinutes(ctx.now, z.zone))}))};
    case 'DATE':
      // The lunar date is the agent's (protocol's LunarCalendar); the preview shows the solar date.
      return {type: 'DATE', date: localParts(ctx.now, ctx.zone).date, lunar: null};
    case 'OPENING_HOURS': {
      const today = localParts(ctx.now, ctx.zone);
      return {type: 'OPENING_HOURS', spans: spansOn(w.openingHours, today.date, today.weekday)};
    }
    case 'TICKER':
      return {type: 'TICKER', lines: w.ticker.itemIds.map(text).filter((s) => s)};
    case 'QR':
      return {type: 'QR', url: text(w.qr.urlItemId), modules: placeholderModules()};
    case 'COUNTDOWN':
      return {type: 'COUNTDOWN', title: text(w.countdown.titleItemId),
        seconds: Math.max(0, Math.floor((Date.parse(w.countdown.target) - ctx.now.getTime()) / 1000))};
    default:
      return null;
  }
}

/**
 * The view of `spec` (a LayoutSpec: {id, template, shape, regions: [{role, playlist?, widgets?}]})
 * in `shape` (the editor previews both shapes of the same assignments) and `language`.
 * ctx: {items: Map id → content item, languages: the gate's, zone, now: Date,
 *       mimeTypes: Map sha256 → type, programme: the words shown where MAIN plays the programme}.
 */
export function previewView(spec, shape, language, ctx) {
  const c = {...ctx, language};
  const regions = TEMPLATES[shape][spec.template].map((t) => {
    const given = spec.regions.find((x) => x.role === t.role) || {role: t.role};
    const region = {role: t.role, rect: t.rect, item: null, widgets: []};
    if (given.widgets && given.widgets.length) {
      region.widgets = given.widgets.map((w) => widgetView(w, c)).filter((w) => w);
    } else if (given.playlist && given.playlist.entries.length) {
      region.item = slide(ctx.items.get(given.playlist.entries[0].itemId), language, ctx);
    } else if (t.role === 'MAIN') {
      region.item = {contentId: 'programme', title: '', language: ctx.consoleLanguage, text: ctx.programme};
    }
    return region;
  });
  return {shape, language, regions};
}

/** The first entry of a playlist region as a slide: its variant in the language, or a fallback. */
function slide(item, language, ctx) {
  if (!item || !item.variants || !item.variants.length) return null;
  const v = item.variants.find((x) => x.language === language)
    || ctx.languages.map((l) => item.variants.find((x) => x.language === l)).find((x) => x) || item.variants[0];
  const isText = v.text !== null && v.text !== undefined;
  return {contentId: item.id, title: item.title, language: v.language, text: isText ? v.text : null,
    sha256: isText ? null : v.mediaSha256, mimeType: isText ? null : ctx.mimeTypes.get(v.mediaSha256) || null};
}

export {WEEKDAYS};
