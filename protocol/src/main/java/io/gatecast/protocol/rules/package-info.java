/**
 * A screen's rules on the wire: one record per record of the scheduling engine's model
 * ({@code io.gatecast.schedules.model}), field for field, so the agent maps them 1:1 onto the
 * engine. They live here, not in the engine, because dependencies flow one way: {@code protocol}
 * knows Jackson only. Each record checks its shape in its constructor and names the field it
 * refuses; what a rule <em>means</em> (an RRULE, a window that never plays) is the engine's to check.
 * Optional arrays may be left out and read as empty; defaults are filled in so that equal rules
 * always encode to the same JSON (the controller compares that JSON to skip unchanged screens).
 */
package io.gatecast.protocol.rules;
