package io.gatecast.controller.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SVG slides (what the demo ships) are XML whose root element is {@code svg}. A screen must show
 * only what was approved, and an SVG can carry script, so one with a {@code script} or
 * {@code foreignObject} element, an {@code on...} event attribute or a {@code javascript:} link is
 * refused. Parsed as a stream with DTDs and external entities off (no XXE, no entity bombs).
 */
final class SvgCheck {
  private SvgCheck() {}

  static MediaInfo inspect(Path file) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    Integer width = null;
    Integer height = null;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      boolean root = true;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        if (root) {
          if (!name.equals("svg")) {
            throw new UnsupportedMediaException("an XML document whose root element is <" + abbreviate(name)
                + ">, not an SVG image; nothing was stored");
          }
          int[] size = size(xml);
          if (size != null) {
            width = size[0];
            height = size[1];
          }
          root = false;
        }
        if (name.equalsIgnoreCase("script") || name.equalsIgnoreCase("foreignObject")) {
          throw new UnsupportedMediaException("an SVG image with a <" + name + "> element, which could run code on a"
              + " screen; remove it and upload again; nothing was stored");
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
          String attribute = xml.getAttributeLocalName(i);
          String value = xml.getAttributeValue(i).trim().toLowerCase(Locale.ROOT);
          if (attribute.toLowerCase(Locale.ROOT).startsWith("on") || value.startsWith("javascript:")) {
            throw new UnsupportedMediaException("an SVG image with a script in the attribute " + abbreviate(attribute)
                + " of <" + name + ">; remove it and upload again; nothing was stored");
          }
        }
      }
      if (root) {
        throw new UnsupportedMediaException("an XML document without any element; nothing was stored");
      }
    } catch (XMLStreamException e) {
      throw new UnsupportedMediaException("text starting with '<' that is not well-formed XML (" + abbreviate(e.getMessage())
          + "); SVG is the only XML accepted; nothing was stored");
    }
    return new MediaInfo(MediaInspector.SVG, width, height, null);
  }

  /** Width and height in pixels from the width/height attributes, else from viewBox; null if neither says. */
  private static int[] size(XMLStreamReader svg) {
    Integer width = pixels(svg.getAttributeValue(null, "width"));
    Integer height = pixels(svg.getAttributeValue(null, "height"));
    if (width != null && height != null) {
      return new int[] {width, height};
    }
    String viewBox = svg.getAttributeValue(null, "viewBox");
    if (viewBox != null) {
      String[] parts = viewBox.trim().split("[\\s,]+");
      if (parts.length == 4) {
        Integer w = pixels(parts[2]);
        Integer h = pixels(parts[3]);
        if (w != null && h != null) {
          return new int[] {w, h};
        }
      }
    }
    return null;
  }

  private static Integer pixels(String value) {
    if (value == null || !value.trim().matches("\\d{1,6}(\\.\\d+)?(px)?")) {
      return null;
    }
    int pixels = (int) Math.round(Double.parseDouble(value.trim().replace("px", "")));
    return pixels > 0 ? pixels : null;
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String clean = s.replaceAll("\\s+", " ");
    return clean.length() <= 120 ? clean : clean.substring(0, 120) + "...";
  }
}
