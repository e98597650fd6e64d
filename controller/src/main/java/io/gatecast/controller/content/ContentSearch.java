package io.gatecast.controller.content;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the library's search box and filters ask for: words in the title or a text variant, a
 * variant in a language, a variant of a type. An item matches when every given part does; a part
 * left null does not filter.
 *
 * <p>Words match without regard to case or Vietnamese diacritics ("ho chieu" finds "Hộ chiếu"):
 * operators at a gate type fast, often without a Vietnamese keyboard.
 */
public record ContentSearch(String words, String language, Type type) {
  /** How a variant is shown on a screen; media variants by their stored file's type. */
  public enum Type {
    IMAGE, VIDEO, TEXT, HTML;

    /** Null for a name that is none of them. */
    public static Type of(String name) {
      for (Type type : values()) {
        if (type.name().equalsIgnoreCase(name)) {
          return type;
        }
      }
      return null;
    }

    static Type ofVariant(ContentVariant variant, Map<String, String> mimeTypes) {
      if (variant.isText()) {
        return TEXT;
      }
      String mime = mimeTypes.getOrDefault(variant.mediaSha256(), "").toLowerCase(Locale.ROOT);
      return mime.startsWith("image/") ? IMAGE : mime.startsWith("video/") ? VIDEO
          : mime.startsWith("text/html") ? HTML : null;
    }
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** The items that match, in their order; {@code mimeTypes} maps each media file's SHA-256 to its type. */
  public List<Content> filter(List<Content> items, Map<String, String> mimeTypes) {
    String folded = words == null ? null : fold(words.strip());
    Predicate<Content> matches = item -> (folded == null || folded.isEmpty() || hasWords(item, folded))
        && (language == null || item.variants().stream().anyMatch(v -> v.language().equalsIgnoreCase(language)))
        && (type == null || item.variants().stream().anyMatch(v -> Type.ofVariant(v, mimeTypes) == type));
    return items.stream().filter(matches).toList();
  }

  private static boolean hasWords(Content item, String folded) {
    if (fold(item.title()).contains(folded) || fold(item.id()).contains(folded)) {
      return true;
    }
    return item.variants().stream().anyMatch(v -> v.isText() && fold(v.text()).contains(folded));
  }

  /** Lower case without diacritics; đ (a letter of its own, not a d with a mark) becomes d too. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
    return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
  }
}
