package io.gatecast.controller.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * SVG slides (what the demo ships) are XML whose root element is {@code svg}. An SVG is a document
 * a browser can run script in, so it is read against an allow-list ({@link SvgAllowList}): only
 * known drawing elements and attributes, links only to a fragment of the same image (or an
 * embedded raster image), no processing instructions. Anything else refuses the whole upload
 * (code {@code SVG_UNSAFE}): the file is stored under the hash of its bytes, so it is kept exactly
 * as sent or not at all. Parsed as a stream with DTDs and external entities off (no XXE, no entity
 * bombs); character references such as {@code &#x09;} are decoded by the parser before any check.
 * Why an allow-list and not rasterising: docs/security.md ("SVG uploads").
 */
final class SvgCheck {
  private SvgCheck() {}

  static MediaInfo inspect(Path file) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    Integer width = null;
    Integer height = null;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      boolean root = true;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
          // <?xml-stylesheet?> can load a transform or a style sheet from anywhere.
          throw unsafe("a processing instruction <?" + abbreviate(xml.getPITarget()) + "?>", Map.of("element",
              "?" + abbreviate(xml.getPITarget())));
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
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
        if (!SvgAllowList.elementAllowed(xml.getNamespaceURI(), name)) {
          throw unsafe("the element <" + abbreviate(name) + ">, which is not on the list of drawing elements",
              Map.of("element", abbreviate(name)));
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
          String attribute = xml.getAttributeLocalName(i);
          String refusal = SvgAllowList.attributeRefusal(name, xml.getAttributeNamespace(i), attribute,
              xml.getAttributeValue(i));
          if (refusal != null) {
            throw unsafe("the attribute " + abbreviate(attribute) + " of <" + abbreviate(name) + ">, " + refusal,
                Map.of("element", abbreviate(name), "attribute", abbreviate(attribute)));
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

  private static UnsupportedMediaException unsafe(String what, Map<String, Object> details) {
    return new UnsupportedMediaException("SVG_UNSAFE", "an SVG image with " + what + "; only plain drawings are"
        + " accepted (no script, no event attributes, no links out of the image); remove it and upload again;"
        + " nothing was stored", details);
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
