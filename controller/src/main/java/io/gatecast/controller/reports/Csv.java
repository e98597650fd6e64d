package io.gatecast.controller.reports;

import java.util.List;

/**
 * CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, a field quoted when
 * it holds a comma, a double quote, CR or LF, and a double quote inside doubled.
 *
 * <p>Made to be opened in a spreadsheet: the text starts with a UTF-8 byte order mark (without
 * it, spreadsheet programs read Vietnamese as Latin-1), and a text cell a spreadsheet would run as
 * a formula (starting with {@code = + - @}, a tab or a CR, as OWASP lists them) gets a leading
 * apostrophe, so {@code =HYPERLINK(...)} shows as text. Numbers are written as they are.
 */
public final class Csv {
  /** The byte order mark every export starts with. */
  public static final String BOM = "\uFEFF";

  private final StringBuilder text = new StringBuilder();

  public Csv row(List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(field(fields.get(i)));
    }
    text.append("\r\n");
    return this;
  }

  public Csv row(Object... fields) {
    return row(java.util.Arrays.asList(fields));
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof Number ? value.toString() : neutralised(value.toString());
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** The text with a leading apostrophe if a spreadsheet would read it as a formula. */
  static String neutralised(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  @Override
  public String toString() {
    return BOM + text;
  }
}
