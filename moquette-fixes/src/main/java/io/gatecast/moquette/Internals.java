package io.gatecast.moquette;

import java.lang.reflect.Field;

/** Reaches into Moquette 0.17's private fields, which every patch here is tied to. */
final class Internals {
  private Internals() {}

  /** {@code type}'s declared field {@code name}, made accessible; throws if this Moquette has no such field. */
  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
