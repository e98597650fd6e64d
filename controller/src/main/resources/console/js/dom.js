// Building the page without ever parsing data as HTML: every piece of text becomes a text node.

/**
 * h('button', {type: 'button', onclick: fn, class: 'primary'}, 'Label', child, ...)
 * Attributes named on* become listeners; `class`, `for`, aria-* and data-* are set as attributes;
 * the rest as properties. Strings and numbers among the children become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class' || name === 'for' || name === 'role' || name.startsWith('aria-') || name.startsWith('data-')) {
      el.setAttribute(name, value === true ? '' : String(value));
    } else {
      el[name] = value;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `el` with `children`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
/** A unique id, to tie a <label> to its input. */
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: <div class="field"><label for>…</label><input id>…</div>. */
export function field(label, input, hint) {
  if (!input.id) input.id = uid();
  const parts = [h('label', {for: input.id}, label), input];
  if (hint) {
    const hintEl = h('p', {class: 'hint', id: uid('hint')}, hint);
    input.setAttribute('aria-describedby', hintEl.id);
    parts.push(hintEl);
  }
  return h('div', {class: 'field'}, parts);
}

/** A status badge; `tone` is ok, bad, warn or muted. */
export function badge(text, tone) {
  return h('span', {class: `badge ${tone}`}, text);
}
