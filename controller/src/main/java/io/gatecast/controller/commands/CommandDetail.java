package io.gatecast.controller.commands;

import io.gatecast.controller.words.CodedWords;
import io.gatecast.controller.words.CodedWords.Form;
import java.util.List;
import java.util.Optional;

/**
 * The words of a command result's detail: agents word their results in English (their {@code ScreenActions} and
 * {@code CacheSweep}; older agents the same), read as a stable code and values for the console ({@link CodedWords}).
 * Other words (a failure's reason) have no code; the console shows them as they are.
 */
public final class CommandDetail {
  private static final List<Form> FORMS = List.of(
      Form.of("reloadedThroughBrowser", "page reloaded through the browser's DevTools"),
      Form.of("reloadAsked", "the page was asked to reload itself"),
      Form.of("restarting", "restarting"),
      Form.of("identifying", "showing the screen id for (\\d+) s", "seconds"),
      Form.of("cacheSwept", "removed (\\d+) unneeded files; (\\d+) needed files present", "removed", "kept"));

  private CommandDetail() {}

  /** The code and values of {@code detail}; empty when it is none or not recognised. */
  public static Optional<CodedWords> read(String detail) {
    return CodedWords.read(detail, FORMS);
  }
}
