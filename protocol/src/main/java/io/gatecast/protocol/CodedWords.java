package io.gatecast.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English words (stored by the controller, or sent by agents in {@link AgentWords}) read as a stable code and the
 * values they hold, so the console can say them in its reader's language. The words are tried against forms in
 * order: the first whose pattern matches them whole gives the code, and its groups the values, by name. A value
 * "null" (a version a screen has none of) and a group that took no part are left out.
 *
 * @param code the form's code
 * @param args the values, by name
 */
public record CodedWords(String code, Map<String, String> args) {
  /** Words matching {@code pattern} have {@code code}; its groups hold the values {@code names}, in order. */
  public record Form(String code, Pattern pattern, List<String> names) {
    /** A form whose {@code .} also takes line ends: a failure's words may quote an exception's lines. */
    public static Form of(String code, String regex, String... names) {
      return new Form(code, Pattern.compile(regex, Pattern.DOTALL), List.of(names));
    }
  }

  /** The code and values of {@code words} by the first of {@code forms} they match; empty when none (or no words). */
  public static Optional<CodedWords> read(String words, List<Form> forms) {
    if (words == null) {
      return Optional.empty();
    }
    for (Form form : forms) {
      Matcher matched = form.pattern().matcher(words);
      if (matched.matches()) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < form.names().size(); i++) {
          String value = matched.group(i + 1);
          if (value != null && !"null".equals(value)) {
            args.put(form.names().get(i), value);
          }
        }
        return Optional.of(new CodedWords(form.code(), args));
      }
    }
    return Optional.empty();
  }
}
