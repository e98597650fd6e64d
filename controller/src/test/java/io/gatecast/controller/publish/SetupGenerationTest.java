package io.gatecast.controller.publish;

import static io.gatecast.controller.ServiceFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.store.Sql;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet's setup generation (V94) moves with every write a publish's plan of a placed screen reads (its
 * setup, groups, own playlist, layouts, a campaign naming it, its gate) and with no write of content, of a
 * heartbeat or of a publish's own: a publish that sees it unchanged reads only the screens not placed.
 */
class SetupGenerationTest {
  @RegisterExtension final TestDatabase database = new TestDatabase();

  @BeforeEach
  void aFleet() {
    run("INSERT INTO clusters VALUES ('g1', 'Móng Cái', 'Quảng Ninh', 'Asia/Ho_Chi_Minh', '[\"vi\"]', 't')",
        "INSERT INTO screens (id, name, created_at, cluster_id, placements) VALUES ('s1', 'Hall 1', 't', 'g1', 1)",
        "INSERT INTO screens (id, name, created_at, cluster_id, placements) VALUES ('s2', 'Hall 2', 't', 'g1', 1)",
        "INSERT INTO screen_groups VALUES ('halls', 'Halls', 't')",
        "INSERT INTO screen_group_members VALUES ('halls', 's1')",
        "INSERT INTO content_items VALUES ('c1', 'Notice', 'APPROVED', 1, 'a', 'a', NULL, NULL, NULL, 't', 't')",
        "INSERT INTO content_items VALUES ('c2', 'Notice 2', 'APPROVED', 1, 'a', 'a', NULL, NULL, NULL, 't', 't')",
        "INSERT INTO playlists VALUES ('p1', 'Hall', 't', 't')",
        "INSERT INTO playlist_items VALUES ('p1', 1, 'c1', 1, NULL)",
        "INSERT INTO screen_playlist_entries VALUES ('s1', 1, 'c1')",
        "INSERT INTO campaigns VALUES ('k1', 'Hall', 'p1', '{\"targets\":{\"clusters\":[\"g1\"]}}', 't', 't')",
        "INSERT INTO layouts VALUES ('l1', '{\"shape\":\"LANDSCAPE_16_9\"}', 't', 't')",
        "INSERT INTO layout_assignments VALUES ('GATE', 'g1', 'LANDSCAPE_16_9', 'l1')");
  }

  @Test
  void everyWriteAPlacedScreensPlanReadsMovesIt() {
    for (String write : List.of(
        "INSERT INTO screens (id, name, created_at, cluster_id) VALUES ('s3', 'Hall 3', 't', 'g1')",
        "UPDATE screens SET name = 'Sảnh 1' WHERE id = 's1'",
        "UPDATE screens SET cluster_id = NULL WHERE id = 's2'",
        "UPDATE screens SET orientation = 'PORTRAIT' WHERE id = 's1'",
        "UPDATE screens SET resolution = '1080x1920' WHERE id = 's1'",
        "UPDATE screens SET languages = '[\"en\"]' WHERE id = 's1'",
        "UPDATE screens SET tags = '[\"entry\"]' WHERE id = 's1'",
        "UPDATE screens SET placements = 0 WHERE id = 's1'",
        "UPDATE screens SET revoked_at = 't' WHERE id = 's1'",
        "UPDATE clusters SET name = 'Cửa khẩu Móng Cái' WHERE id = 'g1'",
        "UPDATE clusters SET zone = 'Asia/Bangkok' WHERE id = 'g1'",
        "INSERT INTO clusters VALUES ('g2', 'Lào Cai', 'Lào Cai', 'Asia/Ho_Chi_Minh', '[\"vi\"]', 't')",
        "INSERT INTO screen_group_members VALUES ('halls', 's2')",
        "DELETE FROM screen_group_members WHERE screen_id = 's1'",
        "INSERT INTO screen_groups VALUES ('exits', 'Exits', 't')",
        "DELETE FROM screen_groups WHERE id = 'halls'",
        "INSERT INTO screen_playlist_entries VALUES ('s2', 1, 'c2')",
        "UPDATE screen_playlist_entries SET content_id = 'c2' WHERE screen_id = 's1'",
        "DELETE FROM screen_playlist_entries WHERE screen_id = 's1'",
        "UPDATE campaigns SET spec_json = '{\"targets\":{\"screens\":[\"s1\"]}}' WHERE id = 'k1'",
        "INSERT INTO campaigns VALUES ('k2', 'Exit', 'p1', '{}', 't', 't')",
        "UPDATE layouts SET spec_json = '{\"shape\":\"PORTRAIT_9_16\"}' WHERE id = 'l1'",
        "INSERT INTO layout_assignments VALUES ('SCREEN', 's1', 'LANDSCAPE_16_9', 'l1')",
        "DELETE FROM layout_assignments WHERE target_kind = 'GATE'",
        "DELETE FROM screens WHERE id = 's3'",
        "DELETE FROM clusters WHERE id = 'g2'")) {
      long before = generation();
      run(write);
      assertThat(generation()).as(write).isGreaterThan(before);
    }
  }

  @Test
  void contentHeartbeatsAndPublishesLeaveItAlone() {
    long before = generation();
    run("INSERT INTO playlist_items VALUES ('p1', 2, 'c2', 1, NULL)",
        "UPDATE playlist_items SET weight = 3 WHERE playlist_id = 'p1'",
        "UPDATE content_items SET status = 'RETIRED', updated_at = 'u' WHERE id = 'c2'",
        // a heartbeat, a publish's record, a placement's, a setup saved as it was
        "UPDATE screens SET state = 'ONLINE', last_seen_at = 'u', applied_version = 3, current_content_id = 'c1'",
        "UPDATE screens SET published_version = 4, placed_cluster_id = 'g1', placed_profile_id = 's1'",
        "UPDATE screens SET name = 'Hall 1', cluster_id = 'g1', tags = NULL, placements = 1 WHERE id = 's1'");
    assertThat(generation()).isEqualTo(before);
  }

  private long generation() {
    return await(database.db().transaction(SetupGeneration::current));
  }

  private void run(String... statements) {
    await(database.db().transaction(c -> {
      for (String sql : statements) {
        Sql.update(c, sql);
      }
      return null;
    }));
  }
}
