// The names people gave screen groups, for views that hold group ids (the audit log's targets and a
// screen's groups): a group is said by its name, as the setup page says it.
import {api} from './api.js';

let names = new Map();

/** Reads the groups again; names follow. A failed read keeps the names read before (ids show for the rest). */
export async function loadGroupNames() {
  try {
    const groups = await api.get('/api/v1/groups');
    names = new Map(groups.map((g) => [g.id, g.name || g.id]));
  } catch {
    // The view still shows, with ids where names are missing.
  }
}

/** The group's name as last read, else its id. */
export function groupName(id) {
  return names.get(id) || id;
}
