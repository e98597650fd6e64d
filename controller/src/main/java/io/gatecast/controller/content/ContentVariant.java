package io.gatecast.controller.content;

/**
 * One language version: a stored media file ({@code mediaSha256}) or plain text ({@code text},
 * see {@link SafeText}); exactly one is set. {@code seconds}: one play's length.
 */
public record ContentVariant(String language, String mediaSha256, String text, int seconds) {
  public boolean isText() {
    return text != null;
  }
}
