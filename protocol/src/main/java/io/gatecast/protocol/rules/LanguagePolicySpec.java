package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;

/** How a playlist picks languages (engine: {@code LanguagePolicy}); only FIXED names a language. */
public record LanguagePolicySpec(Mode mode, String language) {
  public enum Mode {
    ROTATE,
    EVERY,
    FIXED
  }

  public LanguagePolicySpec {
    Check.required(mode, "mode");
    if (mode == Mode.FIXED) {
      Check.languageTag(language, "language");
    } else if (language != null) {
      throw new IllegalArgumentException("language is only allowed with mode FIXED, got mode " + mode);
    }
  }

  public static LanguagePolicySpec rotate() {
    return new LanguagePolicySpec(Mode.ROTATE, null);
  }
}
