// Opening spans of the layout editor, read and typed as hours and minutes (a countdown's target, typed
// in the gate's time, goes through zonetime.js). The preview's view itself comes from the controller
// (POST /api/v1/layouts/preview), computed by the engine the screens use.

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

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
