package io.gatecast.schedules.model;

/**
 * A model value was rejected where it was built. {@link #field()} names the offending field with a
 * path (e.g. {@code campaign[nd26].recurrences[0].rule}) so an API layer can point at it.
 */
public final class InvalidModelException extends IllegalArgumentException {
  private final String field;

  public InvalidModelException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }

}
