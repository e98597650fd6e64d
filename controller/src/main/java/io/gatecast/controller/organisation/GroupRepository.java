package io.gatecast.controller.organisation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** RegisteredScreen groups and their members. */
public final class GroupRepository {
  public void insert(Connection c, String id, String name, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO screen_groups (id, name, created_at) VALUES (?, ?, ?)", id, name, now.toString());
  }

  public boolean rename(Connection c, String id, String name) throws SQLException {
    return Sql.update(c, "UPDATE screen_groups SET name = ? WHERE id = ?", name, id) == 1;
  }

  /** Deletes the group; its memberships go with it. */
  public boolean delete(Connection c, String id) throws SQLException {
    return Sql.update(c, "DELETE FROM screen_groups WHERE id = ?", id) == 1;
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM screen_groups WHERE id = ?", row -> true, id).isPresent();
  }

  /** Replaces the group's members with {@code screenIds}. */
  public void setMembers(Connection c, String id, List<String> screenIds) throws SQLException {
    Sql.update(c, "DELETE FROM screen_group_members WHERE group_id = ?", id);
    for (String screenId : screenIds) {
      Sql.update(c, "INSERT INTO screen_group_members (group_id, screen_id) VALUES (?, ?)", id, screenId);
    }
  }

  /** Replaces the groups the screen is in with {@code groupIds}. */
  public void setGroupsOf(Connection c, String screenId, List<String> groupIds) throws SQLException {
    Sql.update(c, "DELETE FROM screen_group_members WHERE screen_id = ?", screenId);
    for (String groupId : groupIds) {
      Sql.update(c, "INSERT INTO screen_group_members (group_id, screen_id) VALUES (?, ?)", groupId, screenId);
    }
  }

  /** The groups of every screen that is in any, by screen id (each list in group id order). */
  public java.util.Map<String, List<String>> groupsOfAll(Connection c) throws SQLException {
    java.util.Map<String, List<String>> all = new java.util.HashMap<>();
    for (String[] pair : Sql.list(c, "SELECT screen_id, group_id FROM screen_group_members ORDER BY screen_id, group_id",
        row -> new String[] {row.getString(1), row.getString(2)})) {
      all.computeIfAbsent(pair[0], id -> new java.util.ArrayList<>()).add(pair[1]);
    }
    return all;
  }

  /** {@link #groupsOfAll} for these screens only, in queries of at most 500 ids (screens in no group absent). */
  public java.util.Map<String, List<String>> groupsOf(Connection c, java.util.Collection<String> screenIds)
      throws SQLException {
    java.util.Map<String, List<String>> found = new java.util.HashMap<>();
    List<String> ids = List.copyOf(screenIds);
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
      for (String[] pair : Sql.list(c, "SELECT screen_id, group_id FROM screen_group_members WHERE screen_id IN ("
          + "?,".repeat(part.size() - 1) + "?) ORDER BY screen_id, group_id",
          row -> new String[] {row.getString(1), row.getString(2)}, part.toArray())) {
        found.computeIfAbsent(pair[0], id -> new java.util.ArrayList<>()).add(pair[1]);
      }
    }
    return found;
  }

  public List<String> groupsOf(Connection c, String screenId) throws SQLException {
    return Sql.list(c, "SELECT group_id FROM screen_group_members WHERE screen_id = ? ORDER BY group_id",
        row -> row.getString(1), screenId);
  }

  public Optional<ScreenGroup> find(Connection c, String id) throws SQLException {
    Optional<String> name = Sql.one(c, "SELECT name FROM screen_groups WHERE id = ?", row -> row.getString(1), id);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ScreenGroup(id, name.get(), Sql.list(c,
        "SELECT screen_id FROM screen_group_members WHERE group_id = ? ORDER BY screen_id", row -> row.getString(1), id)));
  }

  public List<ScreenGroup> all(Connection c) throws SQLException {
    List<ScreenGroup> groups = new ArrayList<>();
    for (String id : Sql.list(c, "SELECT id FROM screen_groups ORDER BY id", row -> row.getString(1))) {
      groups.add(find(c, id).orElseThrow());
    }
    return groups;
  }

  /** The ids in {@code ids} that name no group. */
  public List<String> unknown(Connection c, List<String> ids) throws SQLException {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (!exists(c, id)) {
        missing.add(id);
      }
    }
    return missing;
  }
}
