// The built-in layout templates, as protocol's Templates defines them (io.gatecast.protocol.layout):
// regions in fractions of the screen. The console needs them before the controller answers, to
// draw the preview; LayoutTemplatesMatchTest (controller) compares this table with Templates.all()
// so the two cannot drift apart.
import {t} from './i18n.js';

export const SHAPES = ['LANDSCAPE_16_9', 'PORTRAIT_9_16'];

/** The shape a screen's orientation calls for (PORTRAIT or LANDSCAPE; landscape when not said), as the controller reads it. */
export const shapeOfOrientation = (orientation) => (orientation === 'PORTRAIT' ? 'PORTRAIT_9_16' : 'LANDSCAPE_16_9');

/** A layout's shape, or a screen's orientation, in words: "Màn hình dọc 9:16". */
export function shapeText(value) {
  return t(`lay.shape.${SHAPES.includes(value) ? value : shapeOfOrientation(value)}`);
}

/** Pixel size of a screen of each shape, as the kiosk draws it. */
export const SHAPE_SIZE = {LANDSCAPE_16_9: [1920, 1080], PORTRAIT_9_16: [1080, 1920]};

const r = (role, x, y, w, h) => ({role, rect: {x, y, w, h}});

export const TEMPLATES = {
  LANDSCAPE_16_9: {
    'full': [r('MAIN', 0, 0, 1, 1)],
    'main-ticker': [r('MAIN', 0, 0, 1, 0.9), r('TICKER', 0, 0.9, 1, 0.1)],
    'header-main-ticker': [r('HEADER', 0, 0, 1, 0.12), r('MAIN', 0, 0.12, 1, 0.78), r('TICKER', 0, 0.9, 1, 0.1)],
    'main-side-ticker': [r('MAIN', 0, 0, 0.75, 0.9), r('SIDE', 0.75, 0, 0.25, 0.9), r('TICKER', 0, 0.9, 1, 0.1)],
    'header-main-side-ticker': [r('HEADER', 0, 0, 1, 0.12), r('MAIN', 0, 0.12, 0.75, 0.78),
      r('SIDE', 0.75, 0.12, 0.25, 0.78), r('TICKER', 0, 0.9, 1, 0.1)],
  },
  PORTRAIT_9_16: {
    'full': [r('MAIN', 0, 0, 1, 1)],
    'main-ticker': [r('MAIN', 0, 0, 1, 0.93), r('TICKER', 0, 0.93, 1, 0.07)],
    'header-main-ticker': [r('HEADER', 0, 0, 1, 0.1), r('MAIN', 0, 0.1, 1, 0.83), r('TICKER', 0, 0.93, 1, 0.07)],
    'main-side-ticker': [r('MAIN', 0, 0, 1, 0.6), r('SIDE', 0, 0.6, 1, 0.33), r('TICKER', 0, 0.93, 1, 0.07)],
    'header-main-side-ticker': [r('HEADER', 0, 0, 1, 0.1), r('MAIN', 0, 0.1, 1, 0.5), r('SIDE', 0, 0.6, 1, 0.33),
      r('TICKER', 0, 0.93, 1, 0.07)],
  },
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES.LANDSCAPE_16_9);

/** The widget types a region may show (protocol WidgetType), at most four side by side. */
export const WIDGET_TYPES = ['CLOCK', 'DATE', 'OPENING_HOURS', 'TICKER', 'QR', 'COUNTDOWN'];
export const MAX_WIDGETS = 4;
