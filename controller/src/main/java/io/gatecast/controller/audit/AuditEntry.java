package io.gatecast.controller.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change: who made it, when, to what, and the subject before and after (null when absent). */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
    JsonNode before, JsonNode after) {}
