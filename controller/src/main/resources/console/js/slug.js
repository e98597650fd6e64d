// Ids the console makes for gates, groups and screens: lower-case ASCII letters, digits and '-',
// derived from the Vietnamese name ("Cửa khẩu Kim Thành" → "cua-khau-kim-thanh"), at most 64 long.

/** The pattern an id typed by hand must match (the console's check; the controller checks again). */
export const ID_PATTERN = '[a-z0-9][a-z0-9_\\-]{0,63}';

export function slugOf(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * Fills `idInput` with the slug of `nameInput` as the name is typed, until the id is typed by hand:
 * most people take the suggested id, and one typed on purpose must not be overwritten by the name.
 * A disabled id is a saved one's (the form edits it): it is fixed, so the name leaves it alone.
 * Returns restart(), which forgets the hand-typed id, for a form that is emptied and used again.
 */
export function followName(nameInput, idInput) {
  let typedByHand = false;
  idInput.addEventListener('input', () => { typedByHand = true; });
  nameInput.addEventListener('input', () => {
    if (!typedByHand && !idInput.disabled) idInput.value = slugOf(nameInput.value);
  });
  return () => { typedByHand = false; };
}
