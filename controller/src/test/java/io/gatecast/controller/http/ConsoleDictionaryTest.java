package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's Vietnamese and English tables (console/js/i18n.js) hold the same keys, none twice,
 * and each key's {placeholders} are the same in both: a sentence missing in one language would
 * show its key, a repeated key would silently override the first. The one exception: English's
 * singulars ({@code <key>.one}, "1 screen"), each beside its plural and with its placeholders;
 * Vietnamese nouns do not change with the number.
 */
class ConsoleDictionaryTest {
  private static final Pattern KEY = Pattern.compile("^\\s*'([A-Za-z0-9_.-]+)':|,\\s*'([A-Za-z0-9_.-]+)':",
      Pattern.MULTILINE);
  private static final Pattern ENTRY = Pattern.compile("'([A-Za-z0-9_.-]+)':\\s*'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
  /** The suffix of an English singular's key. */
  private static final String SINGULAR = ".one";

  private static String source() throws IOException {
    try (InputStream in = ConsoleDictionaryTest.class.getResourceAsStream("/console/js/i18n.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String table(String source, String language) {
    int start = source.indexOf("\n  " + language + ": {");
    assertThat(start).as("table %s", language).isPositive();
    int end = source.indexOf("\n  },", start);
    return source.substring(start, end);
  }

  private static List<String> keys(String table) {
    List<String> keys = new ArrayList<>();
    Matcher m = KEY.matcher(table);
    while (m.find()) {
      keys.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return keys;
  }

  private static Set<String> placeholders(String table, String key) {
    Matcher m = ENTRY.matcher(table);
    while (m.find()) {
      if (m.group(1).equals(key)) {
        Set<String> names = new LinkedHashSet<>();
        Matcher p = PLACEHOLDER.matcher(m.group(2));
        while (p.find()) {
          names.add(p.group(1));
        }
        return names;
      }
    }
    return Set.of();
  }

  @Test
  void vietnameseAndEnglishHaveTheSameKeysEachOnce() throws IOException {
    String source = source();
    List<String> vi = keys(table(source, "vi"));
    List<String> en = keys(table(source, "en"));

    assertThat(vi).hasSizeGreaterThan(300).doesNotHaveDuplicates();
    assertThat(en).doesNotHaveDuplicates();
    assertThat(vi).noneMatch(key -> key.endsWith(SINGULAR));
    assertThat(en.stream().filter(key -> !key.endsWith(SINGULAR)).toList())
        .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(vi));
  }

  @Test
  void eachEnglishSingularStandsBesideItsPluralWithTheSamePlaceholders() throws IOException {
    String source = source();
    String vi = table(source, "vi");
    String en = table(source, "en");
    List<String> singulars = keys(en).stream().filter(key -> key.endsWith(SINGULAR)).toList();
    assertThat(singulars).as("the singulars the console uses").contains("setup.groups.count.one", "fleet.summary.one");
    for (String singular : singulars) {
      String plural = singular.substring(0, singular.length() - SINGULAR.length());
      assertThat(keys(vi)).as(singular).contains(plural);
      assertThat(placeholders(en, singular)).as(singular).containsExactlyInAnyOrderElementsOf(placeholders(vi, plural));
    }
  }

  @Test
  void eachSentenceNamesTheSamePlaceholdersInBothLanguages() throws IOException {
    String source = source();
    String vi = table(source, "vi");
    String en = table(source, "en");
    for (String key : keys(vi)) {
      assertThat(placeholders(en, key)).as(key).containsExactlyInAnyOrderElementsOf(placeholders(vi, key));
    }
  }

  @Test
  void everyRefusalCodeTheConsoleTranslatesHasBothLanguages() throws IOException {
    String source = source();
    assertThat(keys(table(source, "vi"))).contains("error.FIELD_TOO_LONG", "error.ROLE_REQUIRED", "error.LOGIN_FAILED");
  }
}
