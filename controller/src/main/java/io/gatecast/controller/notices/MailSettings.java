package io.gatecast.controller.notices;

import java.util.List;

/**
 * Where e-mail notices go: an SMTP relay (plain SMTP, as a department's internal relay usually
 * accepts from its own servers) and the technicians' addresses.
 */
public record MailSettings(String smtpHost, int smtpPort, String from, List<String> to) {
  public MailSettings {
    if (smtpHost == null || smtpHost.isBlank()) {
      throw new IllegalArgumentException("--smtp-host is required to send e-mail notices");
    }
    if (smtpPort < 1 || smtpPort > 65535) {
      throw new IllegalArgumentException("--smtp-port must be 1 to 65535, got " + smtpPort);
    }
    if (from == null || !from.contains("@")) {
      throw new IllegalArgumentException("--alert-mail-from must be an e-mail address, got '" + from + "'");
    }
    to = List.copyOf(to == null ? List.of() : to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("--alert-mail-to must name at least one address");
    }
    for (String address : to) {
      if (!address.contains("@")) {
        throw new IllegalArgumentException("--alert-mail-to: '" + address + "' is not an e-mail address");
      }
    }
  }
}
