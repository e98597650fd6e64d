package io.gatecast.agent.kiosk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How the agent drives the screen's browser and reaches the controller over HTTP; every part is
 * optional, so an agent started without them behaves as before (someone else runs the browser).
 *
 * @param browserCommand the kiosk browser's command line, split into words; {@code {url}} in it is
 *     replaced by the page's address. Empty: the agent does not launch a browser.
 * @param devtoolsPort where the browser's DevTools listen when the agent did not launch it (a
 *     browser it launches tells its port on stderr); null: none, so no screenshots
 * @param controllerUrl the controller's HTTP base address, where screenshots are uploaded; null: none
 */
public record KioskOptions(List<String> browserCommand, Integer devtoolsPort, URI controllerUrl) {
  public KioskOptions {
    browserCommand = List.copyOf(browserCommand == null ? List.of() : browserCommand);
    if (devtoolsPort != null && (devtoolsPort < 1 || devtoolsPort > 65535)) {
      throw new IllegalArgumentException("devtoolsPort must be 1-65535, got " + devtoolsPort);
    }
    if (controllerUrl != null && !("http".equals(controllerUrl.getScheme()) || "https".equals(controllerUrl.getScheme()))) {
      throw new IllegalArgumentException("controllerUrl must be an http:// or https:// address, got " + controllerUrl);
    }
  }

  public static KioskOptions none() {
    return new KioskOptions(List.of(), null, null);
  }

  public boolean launchesBrowser() {
    return !browserCommand.isEmpty();
  }

  /**
   * Splits a command line into words as a shell would for simple cases: spaces separate words,
   * single or double quotes keep spaces inside one word. No variables, no escapes beyond that.
   *
   * @throws IllegalArgumentException for an unclosed quote
   */
  public static List<String> splitCommand(String line) {
    List<String> words = new ArrayList<>();
    if (line == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("kiosk command has an unclosed " + quote + " quote: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
