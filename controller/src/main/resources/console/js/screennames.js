// The names people gave screens, for views the controller answers with screen ids (a rollout, the
// publish checks, the year-end report): they name screens as the board does. One request serves
// every view that asks at the same time (the publish page's three parts did three).
import {api} from './api.js';

let names = new Map();
let asked = null;

/** Reads the screens again (one request for callers at the same time) and returns them; names follow. */
export function loadScreens() {
  if (!asked) {
    asked = api.get('/api/v1/screens')
      .then((screens) => {
        names = new Map(screens.map((s) => [s.id, s.name || s.id]));
        return screens;
      })
      .finally(() => { asked = null; });
  }
  return asked;
}

/** The screen's name as last read, else its id. */
export function screenName(id) {
  return names.get(id) || id;
}
