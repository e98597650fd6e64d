package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;

/**
 * A QR code for a URL. The URL is the text of an approved item (one variant per language may point
 * at a page in that language), so an operator's URL is reviewed like any content before a screen
 * can show it; {@link LayoutSpec#requireResolvesIn} also checks that it is an http(s) URL.
 */
public record QrSpec(String urlItemId) {
  public QrSpec {
    Check.id(urlItemId, "urlItemId");
  }
}
