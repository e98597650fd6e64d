package io.gatecast.controller.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a person may do. {@link #ADMIN} may do everything; the others are the jobs of a
 * provincial department (see {@link AccessPolicy} for who may call what).
 */
public enum Role {
  /** Manages users; passes every check. */
  ADMIN,
  /** Schedules what plays where: playlists, campaigns, screens' playlists, publishing. */
  OPERATOR,
  /** Reviews content: approves or rejects what others submitted. */
  APPROVER,
  /** Submits content (media and items); cannot publish. */
  CONTRIBUTOR,
  /** Looks after screens in the field: registers them, rotates their MQTT passwords. */
  TECHNICIAN,
  /** Reads everything but users and the audit log; changes nothing. */
  VIEWER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role parse(String value) {
    for (Role role : values()) {
      if (role.wireName().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("'" + value + "' is not a role; use one of "
        + Arrays.stream(values()).map(Role::wireName).toList());
  }
}
