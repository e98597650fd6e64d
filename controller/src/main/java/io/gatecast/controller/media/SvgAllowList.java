package io.gatecast.controller.media;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an uploaded SVG may contain: drawing elements and their presentation attributes, nothing
 * that runs, animates, embeds another document or reaches outside the image. Anything not listed
 * is refused, so a feature a browser adds tomorrow is refused too. Left out on purpose:
 * {@code script}, {@code foreignObject} (embeds HTML), {@code style} (CSS can load from anywhere),
 * {@code animate}/{@code set} (can turn a harmless link into {@code javascript:}), {@code iframe},
 * {@code video}/{@code audio}, every {@code on...} attribute and {@code xml:base}.
 */
final class SvgAllowList {
  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  /** What drawing programs add (Inkscape, Illustrator's metadata): browsers give these no behaviour. */
  private static final Set<String> EDITOR_NAMESPACES = Set.of(
      "http://www.inkscape.org/namespaces/inkscape",
      "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "http://creativecommons.org/ns#",
      "http://purl.org/dc/elements/1.1/");

  private static final Set<String> ELEMENTS = Set.of(
      "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "switch",
      "rect", "circle", "ellipse", "line", "polyline", "polygon", "path",
      "text", "tspan", "textPath", "a", "image",
      "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
      "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow", "feFlood",
      "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
      "feOffset", "feTurbulence", "feDisplacementMap");

  private static final Set<String> ATTRIBUTES = Set.of(
      "id", "class", "style", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
      "fr", "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio", "version",
      "baseProfile", "href", "target", "lang", "systemLanguage",
      "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
      "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "opacity", "color",
      "display", "visibility", "overflow", "clip-path", "clip-rule", "mask", "filter", "marker-start", "marker-mid",
      "marker-end", "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
      "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
      "text-decoration", "writing-mode", "direction", "dx", "dy", "rotate", "lengthAdjust", "textLength",
      "startOffset", "method", "spacing", "side", "offset", "stop-color", "stop-opacity", "gradientUnits",
      "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
      "clipPathUnits", "maskUnits", "maskContentUnits", "markerUnits", "markerWidth", "markerHeight", "refX",
      "refY", "orient", "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "operator",
      "k1", "k2", "k3", "k4", "values", "type", "tableValues", "slope", "intercept", "amplitude", "exponent",
      "flood-color", "flood-opacity", "lighting-color", "radius", "baseFrequency", "numOctaves", "seed",
      "stitchTiles", "scale", "xChannelSelector", "yChannelSelector", "color-interpolation",
      "color-interpolation-filters", "shape-rendering", "text-rendering", "image-rendering", "vector-effect",
      "paint-order", "mix-blend-mode", "isolation");

  /** A raster image embedded in the file itself: the only thing an {@code <image>} may point at besides a fragment. */
  private static final Pattern EMBEDDED_RASTER = Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/=]*");
  private static final Pattern URL_REFERENCE = Pattern.compile("url\\(['\"]?(.)");

  private SvgAllowList() {}

  static boolean elementAllowed(String namespace, String name) {
    if (namespace == null || namespace.isEmpty() || namespace.equals(SVG_NS)) {
      return ELEMENTS.contains(name);
    }
    return EDITOR_NAMESPACES.contains(namespace);
  }

  /** Why the attribute is refused (the end of a sentence), or null if it may stay. */
  static String attributeRefusal(String element, String namespace, String name, String value) {
    boolean plain = namespace == null || namespace.isEmpty();
    if (!plain && EDITOR_NAMESPACES.contains(namespace)) {
      return null;
    }
    boolean known = plain ? ATTRIBUTES.contains(name)
        : namespace.equals(XLINK_NS) ? name.equals("href") || name.equals("title")
        : namespace.equals(XML_NS) && (name.equals("space") || name.equals("lang"));
    if (!known) {
      return "which is not on the list of drawing attributes";
    }
    String squeezed = squeeze(value);
    if (squeezed.contains("javascript:") || squeezed.contains("vbscript:")) {
      return "which holds a script link";
    }
    if (name.equals("href")) {
      return linkRefusal(element, squeezed);
    }
    if (squeezed.contains("data:") || squeezed.contains("@import") || squeezed.contains("expression(")
        || squeezed.contains("\\")) {
      return "which loads or escapes something";
    }
    Matcher url = URL_REFERENCE.matcher(squeezed);
    while (url.find()) {
      if (!url.group(1).equals("#")) {
        return "which refers to something outside the image";
      }
    }
    return null;
  }

  private static String linkRefusal(String element, String link) {
    if (link.startsWith("#")) {
      return null;
    }
    if (element.equals("image") && EMBEDDED_RASTER.matcher(link).matches()) {
      return null;
    }
    if (element.equals("a") && (link.startsWith("https://") || link.startsWith("http://"))) {
      return null;
    }
    return "which links outside the image";
  }

  /**
   * The value as a browser's URL parser would see it: without whitespace or control characters
   * anywhere ({@code java&#x09;script:} is {@code javascript:} to it), in lower case.
   */
  static String squeeze(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().filter(c -> c > 0x20 && !(c >= 0x7f && c <= 0x9f) && !Character.isWhitespace(c)
        && Character.getType(c) != Character.FORMAT).forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
