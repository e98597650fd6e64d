// A live preview of a slide as a screen will show it: the screens' own renderer (module
// screen-renderer, the code the agent's page runs) in a 1920x1080 frame, scaled down to the width
// it is given so every vh and vw means what it means on the kiosk.
import {h} from './dom.js';

const SCREEN_WIDTH = 1920;
const SCREEN_HEIGHT = 1080;

/**
 * The item the agent's page would get for one variant of a content item, as GET /now gives it.
 * `mimeTypes` maps a media file's SHA-256 to its type (from GET /api/v1/media).
 */
export function screenItem(item, variant, mimeTypes) {
  const isText = variant.text !== null && variant.text !== undefined;
  return {contentId: item.id, title: item.title, language: variant.language,
    text: isText ? variant.text : null,
    sha256: isText ? null : variant.mediaSha256,
    mimeType: isText ? null : mimeTypes.get(variant.mediaSha256) || null};
}

/**
 * {element, show(item)}: the preview box, and what draws an item (null: an empty screen) in it. With
 * `emptyHint`, an empty screen says it over the black: what to do to see something.
 */
export function screenPreview(label, emptyHint) {
  const frame = h('iframe', {src: 'preview/screen.html', title: label, class: 'screen-frame',
    width: SCREEN_WIDTH, height: SCREEN_HEIGHT, tabIndex: -1});
  const hint = emptyHint ? h('p', {class: 'preview-empty'}, emptyHint) : null;
  const element = h('div', {class: 'screen-preview'}, frame, hint);
  let loaded = false;
  let wanted = null;

  const post = () => frame.contentWindow.postMessage({type: 'gatecast.preview', item: wanted}, location.origin);
  // Module scripts run before the frame's load event, so by then the frame listens.
  frame.addEventListener('load', () => { loaded = true; post(); });
  new ResizeObserver(() => {
    const scale = element.clientWidth / SCREEN_WIDTH;
    frame.style.transform = `scale(${scale})`;
    element.style.height = `${SCREEN_HEIGHT * scale}px`;
  }).observe(element);

  return {
    element,
    show(item) {
      wanted = item;
      if (hint) hint.hidden = item !== null;
      if (loaded) post();
    },
  };
}
