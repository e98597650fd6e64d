package io.gatecast.protocol;

import java.util.List;
import java.util.regex.Pattern;

/** Constructor checks shared by the message types; each failure names the field. */
public final class Check {
  /** Ids of screens, clusters and content: safe in a topic level and a file name. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  /**
   * Ids of screens, clusters and groups: what every MQTT broker and the NATS and RabbitMQ topic
   * mappings carry unchanged ('.' is a level separator there, upper case is folded by some). The
   * controller refuses other new ids; {@link #ID} stays wider so a store made before still works.
   */
  private static final Pattern PORTABLE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  /** The allowed form of {@link #portableId}, in words, for refusals. */
  public static final String PORTABLE_ID_FORM =
      "1 to 64 characters: lower-case letters a-z, digits 0-9, '-' and '_', starting with a letter or digit";
  /** {@link #PORTABLE_ID} as a regular expression, for API documents. */
  public static final String PORTABLE_ID_PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  /** BCP 47 shape (vi, zh-Hans, hmn, en-GB); the engine checks the tag itself once more. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

  private Check() {}

  public static <T> T required(T value, String field) {
    if (value == null) {
      throw FieldError.of("FIELD_REQUIRED", field, field + " is required");
    }
    return value;
  }

  public static String id(String value, String field) {
    required(value, field);
    if (!ID.matcher(value).matches()) {
      throw FieldError.of("FIELD_INVALID_ID", field,
          field + " must be 1-64 letters, digits, '.', '_' or '-' (starting with a letter or digit), got '"
              + abbreviate(value) + "'", "value", abbreviate(value));
    }
    return value;
  }

  /** Whether {@code value} is a portable screen, cluster or group id ({@link #PORTABLE_ID_FORM}). */
  public static boolean isPortableId(String value) {
    return value != null && PORTABLE_ID.matcher(value).matches();
  }

  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  public static String sha256(String value, String field) {
    required(value, field);
    if (!SHA256.matcher(value).matches()) {
      throw FieldError.of("FIELD_INVALID_SHA256", field,
          field + " must be 64 lowercase hex digits (a SHA-256), got '" + abbreviate(value) + "'", "value", abbreviate(value));
    }
    return value;
  }

  public static String text(String value, String field, int maxLength) {
    required(value, field);
    if (value.isBlank()) {
      throw FieldError.of("FIELD_BLANK", field, field + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw FieldError.of("FIELD_TOO_LONG", field, field + " is longer than " + maxLength + " characters",
          "limit", maxLength, "value", value.length());
    }
    return value;
  }

  /** A name or text a person entered (a cluster's name, an alert's line): {@link #text} without bidi controls. */
  public static String humanText(String value, String field, int maxLength) {
    return refuseBidiControls(text(value, field, maxLength), field);
  }

  /**
   * Refuses the Unicode bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) in a
   * name or text a person entered: they make a line read differently from what it holds (a screen
   * name that reads as another, an alert an approver read one way and travellers another).
   */
  public static String refuseBidiControls(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        throw new BidiControlException(field, c, i);
      }
    }
    return value;
  }

  /** A name or text holding a bidirectional control character: which field, which character, where. */
  public static final class BidiControlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String character;
    private final int position;

    BidiControlException(String field, char c, int position) {
      super(field + " contains the bidirectional control character U+" + String.format("%04X", (int) c)
          + " at position " + position + ", which makes text read differently from what it holds; remove it");
      this.field = field;
      this.character = String.format("U+%04X", (int) c);
      this.position = position;
    }

    public String field() {
      return field;
    }

    public String character() {
      return character;
    }

    public int position() {
      return position;
    }
  }

  public static long atLeast(Long value, long min, String field) {
    required(value, field);
    if (value < min) {
      throw FieldError.of("FIELD_TOO_SMALL", field, field + " must be at least " + min + ", got " + value,
          "limit", min, "value", value);
    }
    return value;
  }

  public static <T> List<T> list(List<T> value, String field, int maxSize) {
    required(value, field);
    if (value.size() > maxSize) {
      throw FieldError.of("LIST_TOO_LONG", field,
          field + " has " + value.size() + " entries; at most " + maxSize + " are allowed", "limit", maxSize,
          "value", value.size());
    }
    for (int i = 0; i < value.size(); i++) {
      required(value.get(i), field + "[" + i + "]");
    }
    return List.copyOf(value);
  }

  /** Like {@link #list} but a missing list reads as empty, so optional arrays may be left out. */
  public static <T> List<T> optionalList(List<T> value, String field, int maxSize) {
    return value == null ? List.of() : list(value, field, maxSize);
  }

  public static String languageTag(String value, String field) {
    required(value, field);
    if (!LANGUAGE.matcher(value).matches()) {
      throw FieldError.of("FIELD_INVALID_LANGUAGE", field,
          field + " must be a BCP 47 language tag such as vi, zh-Hans or hmn, got '" + abbreviate(value) + "'",
          "value", abbreviate(value));
    }
    return value;
  }

  public static int between(Integer value, int min, int max, String field) {
    required(value, field);
    if (value < min || value > max) {
      throw FieldError.of("FIELD_OUT_OF_RANGE", field, field + " must be between " + min + " and " + max + ", got " + value,
          "min", min, "max", max, "value", value);
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
