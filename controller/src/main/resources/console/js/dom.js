// Building the page without ever parsing data as HTML: every piece of text becomes a text node.
import {t} from './i18n.js';

/**
 * h('button', {type: 'button', onclick: fn, class: 'primary'}, 'Label', child, ...)
 * Attributes named on* become listeners; `class`, `for`, aria-* and data-* are set as attributes;
 * the rest as properties. Strings and numbers among the children become text nodes.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  if (tag === 'form') ownValidation(el);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class' || name === 'for' || name === 'role' || name === 'list' || name.startsWith('aria-') || name.startsWith('data-')) {
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

/**
 * Says `text` in a view's message line (an error or not), with a `note` after it (an element: a
 * link to where the change goes on), and brings the line into view: the operator may be far below it.
 */
export function sayIn(line, text, error, note) {
  line.className = error ? 'message error' : 'message';
  fill(line, text, note ? [' ', note] : null);
  line.scrollIntoView({block: 'nearest'});
}

/** A status badge; `tone` is ok, bad, warn or muted. */
export function badge(text, tone) {
  return h('span', {class: `badge ${tone}`}, text);
}

/**
 * Every form checks itself in the console's words before anything else: the browser's bubbles are
 * off (novalidate), and a submit with an empty required field, a value outside its pattern or its
 * bounds stops here with a sentence naming the field (its label). Registered before the form's own
 * submit handler, so that handler runs only for a form that passed.
 */
function ownValidation(form) {
  form.noValidate = true;
  form.addEventListener('submit', (e) => {
    const problem = firstProblem(form);
    let line = form.querySelector(':scope .form-problem');
    if (!problem) {
      if (line) line.textContent = '';
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    // The form's older error (a refusal of the last try) is not this problem: one error at a time.
    for (const old of form.querySelectorAll(':scope .message.error:not(.form-problem)')) old.textContent = '';
    const said = formProblem(form, problem.text);
    problem.input.setAttribute('aria-invalid', 'true');
    problem.input.focus();
    // Once the field is being mended, the line asking for it is said.
    problem.input.addEventListener('input', () => {
      problem.input.removeAttribute('aria-invalid');
      if (said.textContent === problem.text) said.textContent = '';
    }, {once: true});
  });
}

/** Shows `text` in the form's own problem line (made before its submit button on first use), where the eye is. */
export function formProblem(form, text) {
  let line = form.querySelector(':scope .form-problem');
  if (!line) {
    line = h('p', {class: 'message error form-problem', role: 'alert'});
    const submit = form.querySelector('[type=submit]');
    const anchor = submit && submit.closest('.buttons') ? submit.closest('.buttons') : submit;
    if (anchor && anchor.parentNode) anchor.parentNode.insertBefore(line, anchor);
    else form.append(line);
  }
  line.textContent = text;
  return line;
}

function labelOf(input) {
  const label = input.id && input.form && input.form.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  return (label ? label.textContent : input.getAttribute('aria-label') || input.name || '').trim();
}

function firstProblem(form) {
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (input.disabled || input.type === 'hidden' || input.closest('[hidden]')) continue;
    const field = labelOf(input);
    const value = input.type === 'checkbox' || input.type === 'radio' ? null : input.value.trim();
    if (input.required && value === '') return {input, text: formText('form.required', {field})};
    if (value === null || value === '') continue;
    if (input.pattern && !new RegExp(`^(?:${input.pattern})$`, 'v').test(input.value)) {
      return {input, text: formText('form.pattern', {field, hint: input.dataset.patternHint || ''})};
    }
    if (input.type === 'number') {
      const n = Number(input.value);
      if (!Number.isFinite(n)) return {input, text: formText('form.number', {field})};
      if (input.min !== '' && n < Number(input.min)) return {input, text: formText('form.min', {field, min: input.min})};
      if (input.max !== '' && n > Number(input.max)) return {input, text: formText('form.max', {field, max: input.max})};
    }
    if (input.maxLength > 0 && input.value.length > input.maxLength) {
      return {input, text: formText('form.tooLong', {field, max: input.maxLength})};
    }
  }
  return null;
}

function formText(key, params) { return t(key, params); }
