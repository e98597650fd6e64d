package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;

/**
 * One language version of an item (engine: {@code Variant}): a media file the agent must fetch
 * and verify, or a line of text; exactly one of the two. {@code seconds} is one play's length.
 */
public record VariantSpec(String language, MediaRef media, String text, Integer seconds) {
  public VariantSpec {
    Check.languageTag(language, "language");
    if ((media == null) == (text == null)) {
      throw new IllegalArgumentException("set exactly one of media and text (variant " + language + ")");
    }
    if (text != null) {
      Check.text(text, "text", Limits.MAX_LINE_LENGTH);
    }
    Check.between(seconds, 1, Limits.MAX_PLAY_SECONDS, "seconds");
  }

  public static VariantSpec media(String language, MediaRef media, int seconds) {
    return new VariantSpec(language, media, null, seconds);
  }

  public static VariantSpec text(String language, String text, int seconds) {
    return new VariantSpec(language, null, text, seconds);
  }
}
