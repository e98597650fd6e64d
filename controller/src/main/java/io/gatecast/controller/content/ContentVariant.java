package io.gatecast.controller.content;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One language version: a stored media file ({@code mediaSha256}) or plain text ({@code text},
 * see {@link SafeText}); exactly one is set. {@code seconds}: one play's length.
 */
public record ContentVariant(String language, String mediaSha256, String text, int seconds) {
  @JsonIgnore // a bean getter named like the record's `text` would replace it in the API's JSON
  public boolean isText() {
    return text != null;
  }
}
