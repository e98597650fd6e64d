package io.gatecast.controller.auth;

import java.time.Instant;
import java.util.Set;

/** A person who uses the API, as the API shows them (never with the password hash). */
public record User(String username, Set<Role> roles, boolean disabled, Instant createdAt) {
  public User {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
