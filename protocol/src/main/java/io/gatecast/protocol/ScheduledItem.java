package io.gatecast.protocol;

/** One item of a screen's schedule: a content item, its media and how long it stays on screen. */
public record ScheduledItem(String contentId, String title, MediaRef media, Long durationSeconds) {
  public ScheduledItem {
    Check.id(contentId, "contentId");
    Check.text(title, "title", Limits.MAX_TEXT_LENGTH);
    Check.required(media, "media");
    Check.atLeast(durationSeconds, 1, "durationSeconds");
  }
}
