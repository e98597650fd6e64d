// A campaign's timing in plain words, and the plain form controls turned back into the API's
// dayparts and RFC 5545 recurrences. Pure: no DOM, no fetch; the words come from `tr` (i18n's t).
//
// The plain subset: a recurrence picks whole days (at 00:00, lasting one day) by
//   FREQ=DAILY[;INTERVAL=n], FREQ=WEEKLY[;INTERVAL=n];BYDAY=MO,WE,
//   FREQ=MONTHLY[;INTERVAL=n];BYMONTHDAY=d, FREQ=YEARLY;BYMONTH=m;BYMONTHDAY=d
// and dayparts pick the hours. Anything else is kept as written and shown as-is, labelled.

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WHOLE_DAY = ['P1D', 'PT24H'];

function pad(n) { return String(n).padStart(2, '0'); }

/** "07:00:00" or "07:00" → "07:00"; a daypart's end at midnight reads "24:00". */
export function hhmm(time, isEnd = false) {
  const short = String(time).slice(0, 5);
  return isEnd && short === '00:00' ? '24:00' : short;
}

/** The plain reading of one recurrence spec {rule, at, duration}, or null when outside the subset. */
export function parseRecurrence(spec) {
  if (!spec || hhmm(spec.at) !== '00:00' || !WHOLE_DAY.includes(spec.duration)) return null;
  const parts = {};
  for (const piece of String(spec.rule).replace(/^RRULE:/i, '').split(';')) {
    const [key, value] = piece.split('=');
    if (!key || value === undefined || key.toUpperCase() in parts) return null;
    parts[key.toUpperCase()] = value.toUpperCase();
  }
  const keys = Object.keys(parts).filter((k) => k !== 'FREQ' && k !== 'INTERVAL');
  const interval = parts.INTERVAL === undefined ? 1 : Number(parts.INTERVAL);
  if (!Number.isInteger(interval) || interval < 1) return null;
  const only = (...allowed) => keys.every((k) => allowed.includes(k)) && allowed.every((k) => k in parts);
  const number = (v, lo, hi) => (/^\d+$/.test(v) && Number(v) >= lo && Number(v) <= hi ? Number(v) : null);
  switch (parts.FREQ) {
    case 'DAILY':
      return keys.length === 0 ? {kind: 'daily', interval} : null;
    case 'WEEKLY': {
      if (!only('BYDAY')) return null;
      const codes = parts.BYDAY.split(',');
      if (!codes.every((c) => CODES.includes(c))) return null;
      return {kind: 'weekly', interval, days: DAYS.filter((d, i) => codes.includes(CODES[i]))};
    }
    case 'MONTHLY': {
      const monthDay = only('BYMONTHDAY') ? number(parts.BYMONTHDAY, 1, 31) : null;
      return monthDay === null ? null : {kind: 'monthly', interval, monthDay};
    }
    case 'YEARLY': {
      if (interval !== 1 || !only('BYMONTH', 'BYMONTHDAY')) return null;
      const month = number(parts.BYMONTH, 1, 12);
      const monthDay = number(parts.BYMONTHDAY, 1, 31);
      return month === null || monthDay === null ? null : {kind: 'yearly', month, monthDay};
    }
    default:
      return null;
  }
}

/** The API's recurrence spec for a plain reading (the inverse of parseRecurrence). */
export function toRecurrence(plain) {
  const every = plain.interval && plain.interval > 1 ? `;INTERVAL=${plain.interval}` : '';
  let rule;
  switch (plain.kind) {
    case 'daily': rule = `FREQ=DAILY${every}`; break;
    case 'weekly': rule = `FREQ=WEEKLY${every};BYDAY=${plain.days.map((d) => CODES[DAYS.indexOf(d)]).join(',')}`; break;
    case 'monthly': rule = `FREQ=MONTHLY${every};BYMONTHDAY=${plain.monthDay}`; break;
    case 'yearly': rule = `FREQ=YEARLY;BYMONTH=${plain.month};BYMONTHDAY=${plain.monthDay}`; break;
    default: throw new Error(`unknown repeat ${plain.kind}`);
  }
  return {rule, at: '00:00', duration: 'P1D'};
}

/** "A, B and C" in the current language. */
function list(items, tr) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${tr('rec.and')} ${items[items.length - 1]}`;
}

/** The days of a daypart in words: every day, Monday to Friday, or "every Monday and Friday". */
export function describeDays(days, tr) {
  const sorted = DAYS.filter((d) => days.includes(d));
  if (sorted.length === 7) return tr('rec.everyDay');
  if (sorted.join() === DAYS.slice(0, 5).join()) return tr('rec.weekdays');
  return tr('rec.everyDays', {days: list(sorted.map((d) => tr(`day.${d}`)), tr)});
}

/** One daypart in words, "every Monday and Friday 07:00–19:00"; `timesOnly` leaves out days that are every day. */
export function describeDaypart(part, tr, timesOnly) {
  // An end before the start runs past midnight: say so, it is easy to type by mistake.
  const overnight = hhmm(part.end, true) !== '24:00' && hhmm(part.end, true) < hhmm(part.start);
  const hours = `${hhmm(part.start)}–${hhmm(part.end, true)}${overnight ? ` ${tr('rec.overnight')}` : ''}`;
  return timesOnly && part.days.length === 7 ? hours : `${describeDays(part.days, tr)} ${hours}`;
}

/** One recurrence in words; a rule outside the plain subset is quoted as written, labelled. */
export function describeRecurrence(spec, tr) {
  const plain = parseRecurrence(spec);
  if (!plain) return tr('rec.raw', {rule: spec.rule, at: hhmm(spec.at), duration: spec.duration});
  const n = plain.interval || 1;
  switch (plain.kind) {
    case 'daily': return n === 1 ? tr('rec.everyDay') : tr('rec.everyNDays', {n});
    case 'weekly': {
      const days = list(plain.days.map((d) => tr(`day.${d}`)), tr);
      return n === 1 ? tr('rec.weeklyOn', {days}) : tr('rec.everyNWeeksOn', {n, days});
    }
    case 'monthly': return n === 1 ? tr('rec.monthlyOn', {day: plain.monthDay})
      : tr('rec.everyNMonthsOn', {n, day: plain.monthDay});
    default: return tr('rec.yearlyOn', {date: `${pad(plain.monthDay)}/${pad(plain.month)}`});
  }
}

/** "2026-03-01T00:00" → {date: "2026-03-01", time: "00:00"}. */
function split(localDateTime) {
  const [date, time = '00:00'] = String(localDateTime).split('T');
  return {date, time: hhmm(time)};
}

/** A local date "YYYY-MM-DD" moved by `days` (pure calendar arithmetic, no time zone). */
export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return `${moved.getUTCFullYear()}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** The last day a campaign is on: its end is exclusive, so an end at 00:00 means "until the day before". */
export function lastDay(end) {
  const {date, time} = split(end);
  return time === '00:00' ? addDays(date, -1) : date;
}

function dayMonth(date, withYear) {
  const [y, m, d] = date.split('-');
  return withYear ? `${d}/${m}/${y}` : `${d}/${m}`;
}

/**
 * The whole campaign's timing in one sentence:
 * "Mỗi thứ Hai 07:00–09:00, từ 02/03 đến 30/04" / "Every Monday 07:00–09:00, from 02/03 until 30/04".
 */
export function describeCampaign(campaign, tr) {
  const recurrences = campaign.recurrences || [];
  const dayparts = campaign.dayparts || [];
  const phrases = recurrences.map((r) => describeRecurrence(r, tr));
  if (dayparts.length) {
    phrases.push(dayparts.map((p) => describeDaypart(p, tr, recurrences.length > 0)).join('; '));
  } else if (!recurrences.length) {
    phrases.push(tr('rec.allDay'));
  }
  const start = split(campaign.start);
  const endDay = lastDay(campaign.end);
  const endTime = split(campaign.end).time;
  // One whole day with hours and no repeat: the day, with its year, and the hours of the parts that fall
  // on its weekday (a part on other days never plays, and the longer sentence below shows that).
  const weekday = DAYS[(new Date(`${start.date}T00:00:00Z`).getUTCDay() + 6) % 7];
  if (start.date === endDay && start.time === '00:00' && endTime === '00:00' && !recurrences.length
    && dayparts.length && dayparts.every((p) => p.days.includes(weekday))) {
    const hours = dayparts.map((p) => describeDaypart({...p, days: DAYS}, tr, true)).join('; ');
    const sentence = `${hours}, ${tr('rec.onDay', {date: dayMonth(start.date, true)})}`;
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }
  // The year is said when the window spans two years, or is a one-off (one day, or no repeat at all).
  const oneOff = start.date === endDay || (recurrences.length === 0 && dayparts.length === 0);
  const withYear = oneOff || start.date.slice(0, 4) !== endDay.slice(0, 4);
  const from = dayMonth(start.date, withYear) + (start.time === '00:00' ? '' : ` ${start.time}`);
  const until = endTime === '00:00' ? dayMonth(endDay, withYear) : `${dayMonth(endDay, withYear)} ${endTime}`;
  const sentence = `${phrases.join(', ')}, ${tr('rec.window', {from, until})}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
