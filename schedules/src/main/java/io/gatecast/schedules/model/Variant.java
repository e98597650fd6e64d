package io.gatecast.schedules.model;

/**
 * One language version of a content item: either a media file or, for a ticker line, inline text.
 * Exactly one of {@code media} and {@code text} is set. {@code seconds} is how long one play lasts.
 */
public record Variant(String language, Media media, String text, int seconds) {
  public Variant {
    Require.languageTag(language, "language");
    if ((media == null) == (text == null)) {
      throw new InvalidModelException("media", "set exactly one of media and text");
    }
    if (text != null) {
      Require.text(text, "text");
    }
    Require.positive(seconds, "seconds");
  }

  public static Variant media(String language, String mediaId, MediaKind kind, int seconds) {
    return new Variant(language, new Media(mediaId, kind), null, seconds);
  }

  public static Variant text(String language, String text, int seconds) {
    return new Variant(language, null, text, seconds);
  }

  public boolean isText() {
    return text != null;
  }
}
