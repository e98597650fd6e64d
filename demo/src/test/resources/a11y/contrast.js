// Every visible text on the page whose WCAG 2.x contrast ratio against its effective background is
// below AA: 4.5:1, or 3:1 for large text (at least 24px, or 18.66px bold). Run in the page by
// ConsoleAccessibilityTest; returns the offenders. The background is found by walking up the
// ancestors and compositing their background colours (with their alpha) until an opaque one, over
// the white canvas; the text colour's own alpha and the ancestors' opacity are composited too.
// Disabled controls are left out: WCAG sets no contrast for inactive components.
const parse = (css) => {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
};
const over = (top, bottom) => ({
  r: top.r * top.a + bottom.r * (1 - top.a),
  g: top.g * top.a + bottom.g * (1 - top.a),
  b: top.b * top.a + bottom.b * (1 - top.a),
  a: 1,
});
const channel = (v) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
};
const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
const ratio = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const hex = (c) => '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

function background(el) {
  const layers = [];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c && c.a > 0) {
      layers.push(c);
      if (c.a >= 1) break;
    }
  }
  let base = {r: 255, g: 255, b: 255, a: 1};
  for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
  return base;
}

function opacity(el) {
  let o = 1;
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
  return o;
}

function visible(el) {
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible' || style.display === 'none') return false;
  const rect = el.getBoundingClientRect();
  // Moved off the page on purpose (the skip link until focused, the phone's table headings).
  return rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0;
}

function check(el, style, what, text, offenders) {
  const fg = parse(style.color);
  if (!fg) return;
  const bg = background(el);
  const shown = over({...fg, a: fg.a * opacity(el)}, bg);
  const size = parseFloat(style.fontSize);
  const bold = Number(style.fontWeight) >= 700;
  const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
  const r = ratio(shown, bg);
  if (r < needed) {
    offenders.push({what, text: text.trim().replace(/\s+/g, ' ').slice(0, 60), color: hex(shown),
      background: hex(bg), ratio: Math.round(r * 100) / 100, needed});
  }
}

function describe(el) {
  return el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
}

const offenders = [];
for (const el of document.body.querySelectorAll('*')) {
  if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName) || el.closest(':disabled')) continue;
  if (!visible(el)) continue;
  const style = getComputedStyle(el);
  const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('');
  const field = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
    && !['checkbox', 'radio', 'file', 'hidden', 'range', 'color'].includes(el.type);
  if (own.trim() || field) check(el, style, describe(el), own || `[${el.tagName.toLowerCase()} ${el.id}]`, offenders);
  for (const pseudo of ['::before', '::after']) {
    const p = getComputedStyle(el, pseudo);
    if (p.content && !['none', 'normal', '""'].includes(p.content)) check(el, p, describe(el) + pseudo, p.content, offenders);
  }
}
return offenders;
