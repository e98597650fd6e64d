package io.gatecast.controller.content;

import io.gatecast.protocol.FieldError;
import io.gatecast.protocol.Limits;

/**
 * The only text a person can put on a screen: plain Unicode text with line breaks. No markup is
 * accepted or interpreted anywhere — the agent's page sets it with {@code textContent} (never
 * {@code innerHTML}), so {@code <b>} shows as those three characters. Refused: control characters
 * other than the line break, and the Unicode bidirectional overrides/isolates (U+202A–U+202E,
 * U+2066–U+2069), which can make a line read differently from what the approver saw. CRLF and CR
 * are read as a line break.
 */
public final class SafeText {
  /** Longest text variant: the wire's limit for a line of text. */
  public static final int MAX_LENGTH = Limits.MAX_LINE_LENGTH;
  /** Most lines of one text slide: more would not fit on a screen at a readable size. */
  public static final int MAX_LINES = 20;

  private SafeText() {}

  /** The text, line breaks normalised to {@code \n}; refuses anything outside the safe subset, naming {@code field}. */
  public static String body(String value, String field) {
    if (value == null) {
      throw FieldError.of("FIELD_REQUIRED", field, field + " is required");
    }
    String text = value.replace("\r\n", "\n").replace('\r', '\n');
    if (text.isBlank()) {
      throw FieldError.of("FIELD_BLANK", field, field + " must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      throw FieldError.of("FIELD_TOO_LONG", field, field + " is longer than " + MAX_LENGTH + " characters",
          "limit", MAX_LENGTH, "value", text.length());
    }
    if (text.split("\n", -1).length > MAX_LINES) {
      throw FieldError.of("TEXT_TOO_MANY_LINES", field, field + " has more than " + MAX_LINES + " lines", "limit", MAX_LINES);
    }
    refuseUnsafe(text, field, true);
    return text;
  }

  /** A one-line text (a title): no line breaks either. */
  public static String line(String value, String field, int maxLength) {
    if (value == null) {
      throw FieldError.of("FIELD_REQUIRED", field, field + " is required");
    }
    if (value.isBlank()) {
      throw FieldError.of("FIELD_BLANK", field, field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw FieldError.of("FIELD_TOO_LONG", field, field + " is longer than " + maxLength + " characters",
          "limit", maxLength, "value", value.length());
    }
    refuseUnsafe(value, field, false);
    return value;
  }

  private static void refuseUnsafe(String text, String field, boolean lineBreaks) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && !(lineBreaks && c == '\n')) || (c >= 0x7f && c <= 0x9f);
      boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
      if (control || bidi) {
        String character = "U+" + String.format("%04X", (int) c);
        throw FieldError.of("TEXT_UNSAFE_CHARACTER", field, field + " contains the character " + character
            + " at position " + i + "; only plain text" + (lineBreaks ? " and line breaks" : "") + " is allowed",
            "value", character, "position", i);
      }
    }
  }
}
