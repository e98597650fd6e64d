package io.gatecast.controller.notices;

import java.time.Duration;

/**
 * How alerts are sent and when they are held back.
 *
 * @param webhookUrl where notices are POSTed as JSON; null: no webhook (alerts are only logged)
 * @param grace a screen down for less than this is not reported
 * @param flapChanges a screen changing state more than this many times ...
 * @param flapWindow ... within this window is reported once as flapping, then quiet until it has
 *     not changed for this long
 * @param mail where notices are e-mailed; null: no e-mail
 */
public record NoticeSettings(String webhookUrl, Duration grace, int flapChanges, Duration flapWindow, MailSettings mail) {
  public static final NoticeSettings DEFAULTS = new NoticeSettings(null, Duration.ofMinutes(2), 4, Duration.ofMinutes(15));

  /** Without e-mail. */
  public NoticeSettings(String webhookUrl, Duration grace, int flapChanges, Duration flapWindow) {
    this(webhookUrl, grace, flapChanges, flapWindow, null);
  }

  public NoticeSettings {
    if (webhookUrl != null && !webhookUrl.matches("https?://.+")) {
      throw new IllegalArgumentException("--alert-webhook must start with http:// or https://, got '" + webhookUrl + "'");
    }
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("--alert-grace must be zero or more seconds");
    }
    if (flapChanges < 1) {
      throw new IllegalArgumentException("--alert-flap-changes must be at least 1, got " + flapChanges);
    }
    if (flapWindow == null || flapWindow.isNegative() || flapWindow.isZero()) {
      throw new IllegalArgumentException("--alert-flap-window must be positive");
    }
  }

  public NoticeSettings withWebhook(String url) {
    return new NoticeSettings(url, grace, flapChanges, flapWindow, mail);
  }
}
