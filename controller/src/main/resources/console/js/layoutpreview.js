// A live preview of a zoned layout as a screen will show it: the screens' own layout.js (module
// screen-renderer) in a frame of the screen's real size (1920x1080 or 1080x1920), scaled down to
// the width it is given so every vmin means what it means on the kiosk.
import {h} from './dom.js';
import {SHAPE_SIZE} from './layouttemplates.js';

/** {element, show(view)}: the preview box for one screen shape, and what draws a view in it. */
export function layoutPreview(label, shape) {
  const [width, height] = SHAPE_SIZE[shape];
  const frame = h('iframe', {src: 'preview/layout.html', title: label, class: 'screen-frame',
    width, height, tabIndex: -1, 'data-shape': shape});
  const element = h('div', {class: `screen-preview layout-preview shape-${shape.toLowerCase()}`}, frame);
  let loaded = false;
  let wanted = null;

  const post = () => frame.contentWindow.postMessage({type: 'gatecast.layout', view: wanted}, location.origin);
  frame.addEventListener('load', () => { loaded = true; post(); });
  new ResizeObserver(() => {
    const scale = element.clientWidth / width;
    frame.style.transform = `scale(${scale})`;
    element.style.height = `${height * scale}px`;
  }).observe(element);

  return {
    element,
    frame,
    show(view) {
      wanted = view;
      if (loaded) post();
    },
  };
}
