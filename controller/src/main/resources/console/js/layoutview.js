// Wall-clock helpers of the layout editor: a countdown's target is entered in the gate's time and
// sent as an instant; opening spans are read and typed as hours and minutes. The preview's view
// itself comes from the controller (POST /api/v1/layouts/preview), computed by the engine the screens use.

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

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

/** The instant of a wall-clock date and time ('2027-04-01T08:00') in an IANA zone. */
export function instantIn(localDateTime, zone) {
  const [d, t] = localDateTime.split('T');
  const [y, mo, da] = d.split('-').map(Number);
  const [hh, mi] = (t || '00:00').split(':').map(Number);
  const guess = Date.UTC(y, mo - 1, da, hh, mi);
  const first = guess - offsetMinutes(new Date(guess), zone) * 60000;
  return new Date(guess - offsetMinutes(new Date(first), zone) * 60000);
}

/** Opening spans as an operator reads them, "07:00-11:30, 13:00-22:00" (the controller's times carry seconds: "07:00:00"). */
export function spansText(spans) {
  return spans.map((s) => `${s.open.slice(0, 5)}-${s.close.slice(0, 5)}`).join(', ');
}

/** The spans an operator typed ("07:00-11:30, 13:00-22:00") as [{open, close}]; what is not HH:MM-HH:MM is left out. */
export function parseSpans(text) {
  return text.split(',').map((s) => s.trim().split('-').map((x) => x.trim()))
    .filter((p) => p.length === 2 && /^\d{2}:\d{2}$/.test(p[0]) && /^\d{2}:\d{2}$/.test(p[1]))
    .map(([open, close]) => ({open, close}));
}

export {WEEKDAYS};
