package io.gatecast.controller.audit;

import static io.gatecast.controller.ServiceFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log read a page at a time on a real SQLite file, without a controller: newest first, filtered, paged. */
class AuditServiceTest {
  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final AuditLog audit = new AuditLog(Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC));
  private AuditService service;

  @BeforeEach
  void open() {
    service = new AuditService(database.db(), audit);
    await(database.db().transaction(c -> {
      audit.record(c, "ana", "create", "screen", "hall-1", null, Map.of("id", "hall-1"));
      audit.record(c, "binh", "create", "content", "welcome", null, Map.of("id", "welcome"));
      audit.record(c, "ana", "revoke", "screen", "hall-1", Map.of("id", "hall-1"), null);
      return null;
    }));
  }

  @Test
  void entriesAreNewestFirstAPageAtATime() {
    List<AuditEntry> all = await(service.read(null, null, null, null));
    assertThat(all).extracting(AuditEntry::action).containsExactly("revoke", "create", "create");

    List<AuditEntry> page = await(service.read(null, null, null, 2));
    assertThat(page).hasSize(2);
    List<AuditEntry> next = await(service.read(page.get(1).id(), null, null, 2));
    assertThat(next).extracting(AuditEntry::subjectId).containsExactly("hall-1");
    assertThat(next.get(0).action()).isEqualTo("create");
  }

  @Test
  void entriesOfOneSubjectOnly() {
    assertThat(await(service.read(null, "screen", "hall-1", null))).extracting(AuditEntry::action)
        .containsExactly("revoke", "create");
    assertThat(await(service.read(null, "content", null, null))).extracting(AuditEntry::actor).containsExactly("binh");
  }
}
