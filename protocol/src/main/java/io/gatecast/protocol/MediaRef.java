package io.gatecast.protocol;

/** A media file as the agent must fetch it: where, how big, and the hash it must have. */
public record MediaRef(String sha256, String url, String mimeType, Long sizeBytes) {
  public MediaRef {
    Check.sha256(sha256, "sha256");
    Check.text(url, "url", Limits.MAX_URL_LENGTH);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("url must be an http:// or https:// address, got '" + url + "'");
    }
    Check.text(mimeType, "mimeType", 100);
    Check.atLeast(sizeBytes, 0, "sizeBytes");
  }
}
