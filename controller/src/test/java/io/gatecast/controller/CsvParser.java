package io.gatecast.controller;

import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for tests: reads back what the reports export, quoting and all, and refuses what is not CSV. */
final class CsvParser {
  private CsvParser() {}

  /** Parses {@code text}; a leading UTF-8 byte order mark (what the exports start with) is skipped. */
  static List<List<String>> parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean fieldStarted = false;
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(ch);
        }
        i++;
        continue;
      }
      if (ch == '"') {
        if (fieldStarted) {
          throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
        }
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (ch == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          throw new IllegalArgumentException("a CR not followed by LF at " + i);
        }
        row.add(field.toString());
        rows.add(row);
        row = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        i++;
      } else if (ch == '\n') {
        throw new IllegalArgumentException("a bare LF at " + i + "; records end with CRLF");
      } else {
        field.append(ch);
        fieldStarted = true;
      }
      i++;
    }
    if (quoted) {
      throw new IllegalArgumentException("an unterminated quoted field");
    }
    if (fieldStarted || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
