package io.gatecast.controller.content.api;

import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.content.SafeText;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.FieldError;
import io.gatecast.protocol.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON bodies of content items and reviews; each checks itself and names the field it refuses. */
public final class ContentRequests {
  private ContentRequests() {}

  /** One language version: {@code mediaSha256} (an uploaded file) or {@code text} (plain text), and its seconds. */
  public record Variant(String language, String mediaSha256, String text, Integer seconds) {}

  /**
   * A new item. {@code variants} lists its languages; the skeleton's shorthand
   * {@code mediaSha256} + {@code durationSeconds} (one Vietnamese media variant) is still accepted.
   */
  public record CreateContent(String id, String title, List<Variant> variants, String mediaSha256, Long durationSeconds) {
    public CreateContent {
      Check.id(id, "id");
      title = SafeText.line(title, "title", Limits.MAX_TEXT_LENGTH);
      if (variants == null && (mediaSha256 != null || durationSeconds != null)) {
        Check.sha256(mediaSha256, "mediaSha256");
        Check.atLeast(durationSeconds, 1, "durationSeconds");
        if (durationSeconds > Limits.MAX_PLAY_SECONDS) {
          throw FieldError.of("FIELD_OUT_OF_RANGE", "durationSeconds", "durationSeconds must be at most "
              + Limits.MAX_PLAY_SECONDS + " (a day), got " + durationSeconds, "min", 1, "max", Limits.MAX_PLAY_SECONDS,
              "value", durationSeconds);
        }
        variants = List.of(new Variant("vi", mediaSha256, null, durationSeconds.intValue()));
      } else if (mediaSha256 != null || durationSeconds != null) {
        throw FieldError.of("FIELDS_EXCLUSIVE", "variants",
            "give either variants or the shorthand mediaSha256 + durationSeconds, not both");
      }
      checkedVariants(variants);
    }

    List<ContentVariant> checked() {
      return checkedVariants(variants);
    }
  }

  /** A new revision of an item: its title and all its variants. */
  public record EditContent(String title, List<Variant> variants) {
    public EditContent {
      title = SafeText.line(title, "title", Limits.MAX_TEXT_LENGTH);
      checkedVariants(variants);
    }

    List<ContentVariant> checked() {
      return checkedVariants(variants);
    }
  }

  /** Approves exactly the revision the approver looked at. */
  public record Approve(Long revision) {
    public Approve {
      Check.atLeast(revision, 1, "revision");
    }
  }

  public record Reject(Long revision, String reason) {
    public Reject {
      Check.atLeast(revision, 1, "revision");
      reason = SafeText.body(reason, "reason");
    }
  }

  private static List<ContentVariant> checkedVariants(List<Variant> variants) {
    variants = Check.list(variants, "variants", Limits.MAX_LANGUAGES);
    if (variants.isEmpty()) {
      throw FieldError.of("LIST_EMPTY", "variants", "variants must hold at least one language version");
    }
    List<ContentVariant> checked = new ArrayList<>();
    Set<String> languages = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant v = variants.get(i);
      String field = "variants[" + i + "]";
      Check.languageTag(v.language(), field + ".language");
      try {
        checked.add(checkedVariant(v, field, i == 0 ? null : checked.get(0), languages));
      } catch (FieldError e) {
        // Which version it is, by its language: the console says "Chữ (Tiếng Việt)", not "Chữ (bản 1)".
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("language", v.language());
        throw new FieldError(e.code(), e.getMessage(), details);
      }
    }
    return List.copyOf(checked);
  }

  private static ContentVariant checkedVariant(Variant v, String field, ContentVariant first, Set<String> languages) {
    if (!languages.add(v.language())) {
      throw FieldError.of("LANGUAGE_REPEATED", field + ".language",
          field + ".language repeats " + v.language() + "; one variant per language", "value", v.language());
    }
    if ((v.mediaSha256() == null) == (v.text() == null)) {
      throw FieldError.of("VARIANT_MEDIA_OR_TEXT", field, field + " must set exactly one of mediaSha256 and text");
    }
    Check.between(v.seconds(), 1, Limits.MAX_PLAY_SECONDS, field + ".seconds");
    String text = v.text() == null ? null : SafeText.body(v.text(), field + ".text");
    if (v.mediaSha256() != null) {
      Check.sha256(v.mediaSha256(), field + ".mediaSha256");
    }
    if (first != null && (text != null) != first.isText()) {
      throw FieldError.of("VARIANTS_MIXED", field,
          field + " mixes text and media; an item's variants are all text or all media");
    }
    return new ContentVariant(v.language(), v.mediaSha256(), text, v.seconds());
  }
}
