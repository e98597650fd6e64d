// Wall-clock time at a gate: schedules, reports and countdowns are written in the gate's own IANA
// zone, whatever zone the browser is in. The console's one place for that arithmetic.

/** {date: 'yyyy-mm-dd', weekday, hhmm} of an instant in an IANA zone. */
export function localParts(instant, zone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {timeZone: zone, year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'long'})
    .formatToParts(instant).map((p) => [p.type, p.value]));
  return {date: `${parts.year}-${parts.month}-${parts.day}`, weekday: parts.weekday.toUpperCase(),
    hhmm: `${parts.hour}:${parts.minute}`};
}

/** The zone's offset from UTC at an instant, in minutes. */
function offsetMinutes(instant, zone) {
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

/** Today's date ('yyyy-mm-dd') on the wall clock of an IANA zone. */
export function todayIn(zone) {
  return localParts(new Date(), zone).date;
}
