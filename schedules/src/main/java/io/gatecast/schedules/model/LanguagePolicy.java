package io.gatecast.schedules.model;

/**
 * How a playlist picks languages on a screen, from the screen's ordered language list:
 * ROTATE plays one language per play and moves to the next language on the item's next play;
 * EVERY plays the item once in each language in turn; FIXED plays {@code language} only.
 * A missing variant falls back along the screen's list, then to the item's first variant.
 */
public record LanguagePolicy(Mode mode, String language) {
  public enum Mode {
    ROTATE,
    EVERY,
    FIXED
  }

  public LanguagePolicy {
    Require.present(mode, "mode");
    if (mode == Mode.FIXED) {
      Require.languageTag(language, "language");
    } else if (language != null) {
      throw new InvalidModelException("language", "only a FIXED policy names a language");
    }
  }

  public static LanguagePolicy rotate() {
    return new LanguagePolicy(Mode.ROTATE, null);
  }

  public static LanguagePolicy every() {
    return new LanguagePolicy(Mode.EVERY, null);
  }

  public static LanguagePolicy fixed(String language) {
    return new LanguagePolicy(Mode.FIXED, language);
  }
}
