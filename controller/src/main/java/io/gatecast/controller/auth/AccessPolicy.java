package io.gatecast.controller.auth;

import static io.gatecast.controller.auth.Role.ADMIN;
import static io.gatecast.controller.auth.Role.APPROVER;
import static io.gatecast.controller.auth.Role.CONTRIBUTOR;
import static io.gatecast.controller.auth.Role.OPERATOR;
import static io.gatecast.controller.auth.Role.TECHNICIAN;
import static io.gatecast.controller.auth.Role.VIEWER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Who may call what: the one table every {@code /api/} request is checked against, before any
 * route runs. A call that matches no row is refused (404), so a route cannot be added without
 * deciding who may use it ({@code AccessPolicyTest} checks every mounted route has a row).
 * {@link Role#ADMIN} passes every row that needs a login.
 */
public final class AccessPolicy {
  /** One row: a method, a path pattern ({@code :name} matches one path segment) and who may call it. */
  public record Rule(String method, String path, Access access, Set<Role> roles) {
    public Rule {
      roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    boolean matches(String requestMethod, String requestPath) {
      return method.equals(requestMethod) && pattern(path).matcher(requestPath).matches();
    }

    /** Whether {@code user} may make this call ({@link Access#PUBLIC} rows need no user). */
    public boolean allows(User user) {
      return switch (access) {
        case PUBLIC -> true;
        case SIGNED_IN -> user != null;
        case ROLES -> user != null && (user.has(ADMIN) || user.roles().stream().anyMatch(roles::contains));
      };
    }

    /** The roles that pass, admin included, for the refusal message. */
    public List<String> allowedRoles() {
      List<String> names = new ArrayList<>();
      for (Role role : Role.values()) {
        if (role == ADMIN || roles.contains(role)) {
          names.add(role.wireName());
        }
      }
      return names;
    }
  }

  public enum Access {
    /** No login: the login itself, and the controller's public signing key. */
    PUBLIC,
    /** Any signed-in user, whatever their roles. */
    SIGNED_IN,
    /** Signed in with one of the listed roles (or admin). */
    ROLES
  }

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
  private static final Set<Role> AUTHORS = EnumSet.of(CONTRIBUTOR, OPERATOR);
  private static final Set<Role> SCHEDULERS = EnumSet.of(OPERATOR);
  private static final Set<Role> FIELD = EnumSet.of(OPERATOR, TECHNICIAN);
  private static final Set<Role> REVIEWERS = EnumSet.of(APPROVER);
  /** Who may take an approved item off the air: those who run the air, and those who approved it. */
  private static final Set<Role> RETIRERS = EnumSet.of(OPERATOR, APPROVER);
  private static final Set<Role> AUDITORS = EnumSet.of(OPERATOR, APPROVER);
  private static final Set<Role> ADMINS = EnumSet.of(ADMIN);
  private static final Set<Role> ORGANISERS = EnumSet.of(OPERATOR);

  /** The table. Read it top to bottom: it is the whole of who may do what. */
  public static final List<Rule> RULES = List.of(
      publicRule("POST", "/api/v1/login"),
      publicRule("GET", "/api/v1/signing-key"),
      // Called by agents, which have no user: a new agent asks for a pairing code and picks up its
      // identity with the secret only it knows; a screen uploads a screenshot with its own MQTT
      // login (HTTP Basic), which that route checks itself.
      publicRule("POST", "/api/v1/enrollments"),
      publicRule("POST", "/api/v1/enrollments/:code/pickup"),
      publicRule("PUT", "/api/v1/screens/:id/screenshots/:sha256"),
      signedIn("POST", "/api/v1/logout"),
      signedIn("GET", "/api/v1/me"),
      signedIn("POST", "/api/v1/me/password"),

      rule("POST", "/api/v1/signing-key/rotations", ADMINS),

      rule("GET", "/api/v1/users", ADMINS),
      rule("POST", "/api/v1/users", ADMINS),
      rule("GET", "/api/v1/users/:username", ADMINS),
      rule("PUT", "/api/v1/users/:username", ADMINS),

      rule("POST", "/api/v1/media", AUTHORS),
      rule("GET", "/api/v1/media", EVERYONE),
      rule("GET", "/api/v1/media/:sha256", EVERYONE),
      rule("GET", "/api/v1/media/:sha256/thumbnail", EVERYONE),
      rule("DELETE", "/api/v1/media/:sha256", SCHEDULERS),
      rule("POST", "/api/v1/media/purge", ADMINS),

      rule("POST", "/api/v1/content", AUTHORS),
      rule("GET", "/api/v1/content", EVERYONE),
      rule("GET", "/api/v1/content/:id", EVERYONE),
      rule("PUT", "/api/v1/content/:id", AUTHORS),
      rule("POST", "/api/v1/content/:id/approve", REVIEWERS),
      rule("POST", "/api/v1/content/:id/reject", REVIEWERS),
      rule("POST", "/api/v1/content/:id/retire", RETIRERS),
      rule("DELETE", "/api/v1/content/:id", SCHEDULERS),

      rule("POST", "/api/v1/playlists", SCHEDULERS),
      rule("GET", "/api/v1/playlists", EVERYONE),
      rule("GET", "/api/v1/playlists/:id", EVERYONE),
      rule("PUT", "/api/v1/playlists/:id", SCHEDULERS),
      rule("DELETE", "/api/v1/playlists/:id", SCHEDULERS),

      rule("POST", "/api/v1/campaigns", SCHEDULERS),
      rule("GET", "/api/v1/campaigns", EVERYONE),
      rule("GET", "/api/v1/campaigns/:id", EVERYONE),
      rule("PUT", "/api/v1/campaigns/:id", SCHEDULERS),
      rule("DELETE", "/api/v1/campaigns/:id", SCHEDULERS),
      // Layouts (issue 23): arranging screens is scheduling; a gate's facts are a gate setting.
      rule("POST", "/api/v1/layouts", SCHEDULERS),
      rule("GET", "/api/v1/layouts", EVERYONE),
      rule("POST", "/api/v1/layouts/preview", SCHEDULERS),
      rule("GET", "/api/v1/layouts/assignments", EVERYONE),
      rule("PUT", "/api/v1/layouts/assignments/:target/:targetId", SCHEDULERS),
      rule("DELETE", "/api/v1/layouts/assignments/:target/:targetId", SCHEDULERS),
      rule("GET", "/api/v1/layouts/:id", EVERYONE),
      rule("PUT", "/api/v1/layouts/:id", SCHEDULERS),
      rule("DELETE", "/api/v1/layouts/:id", SCHEDULERS),
      rule("GET", "/api/v1/clusters/:id/facts", EVERYONE),
      rule("PUT", "/api/v1/clusters/:id/facts", ORGANISERS),
      rule("GET", "/api/v1/calendar", EVERYONE),
      rule("GET", "/api/v1/publish/checks", EVERYONE),

      rule("GET", "/api/v1/clusters", EVERYONE),
      rule("GET", "/api/v1/clusters/:id", EVERYONE),
      rule("POST", "/api/v1/clusters", FIELD),
      rule("PUT", "/api/v1/clusters/:id", FIELD),
      rule("DELETE", "/api/v1/clusters/:id", FIELD),
      rule("GET", "/api/v1/clusters/:id/operating-hours", EVERYONE),
      rule("PUT", "/api/v1/clusters/:id/operating-hours", ORGANISERS),
      rule("DELETE", "/api/v1/clusters/:id/operating-hours", ORGANISERS),
      rule("GET", "/api/v1/groups", EVERYONE),
      rule("GET", "/api/v1/groups/:id", EVERYONE),
      rule("POST", "/api/v1/groups", FIELD),
      rule("PUT", "/api/v1/groups/:id", FIELD),
      rule("DELETE", "/api/v1/groups/:id", FIELD),

      rule("GET", "/api/v1/enrollments", FIELD),
      rule("POST", "/api/v1/enrollments/:code/assign", FIELD),
      rule("DELETE", "/api/v1/enrollments", FIELD),
      rule("DELETE", "/api/v1/enrollments/:code", FIELD),

      rule("POST", "/api/v1/screens", FIELD),
      rule("PUT", "/api/v1/screens/:id", FIELD),
      rule("POST", "/api/v1/screens/:id/revoke", FIELD),
      rule("DELETE", "/api/v1/screens/:id", FIELD),
      rule("GET", "/api/v1/screens/:id/history", EVERYONE),
      rule("POST", "/api/v1/screens/:id/commands", FIELD),
      rule("GET", "/api/v1/screens/:id/commands", EVERYONE),
      rule("GET", "/api/v1/screens/:id/screenshots/:sha256", EVERYONE),
      rule("GET", "/api/v1/uptime", EVERYONE),
      rule("GET", "/api/v1/screens", EVERYONE),
      rule("GET", "/api/v1/screens/:id", EVERYONE),
      // The live stream says only which screens, publishes and alerts changed: what the GETs above show anyone.
      rule("GET", "/api/v1/events", EVERYONE),
      rule("POST", "/api/v1/screens/:id/mqtt-password", FIELD),
      rule("GET", "/api/v1/screens/:id/preview", EVERYONE),
      rule("POST", "/api/v1/schedule", SCHEDULERS),
      rule("DELETE", "/api/v1/screens/:id/playlist/:contentId", SCHEDULERS),

      rule("POST", "/api/v1/publish", SCHEDULERS),
      rule("GET", "/api/v1/publishes", EVERYONE),
      rule("GET", "/api/v1/publishes/:id", EVERYONE),

      // Urgent alerts skip review on purpose: they are for a flood or a closed bridge, now.
      rule("POST", "/api/v1/alerts", SCHEDULERS),
      rule("GET", "/api/v1/alerts", EVERYONE),
      rule("GET", "/api/v1/alerts/:id", EVERYONE),
      rule("POST", "/api/v1/alerts/:id/clear", SCHEDULERS),

      rule("GET", "/api/v1/reports/plays", EVERYONE),
      rule("GET", "/api/v1/reports/year-end", EVERYONE),
      rule("GET", "/api/v1/reports/year-end/gates", EVERYONE),

      rule("GET", "/api/v1/audit", AUDITORS));

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private AccessPolicy() {}

  /** The row for a call, if the table has one. */
  public static Optional<Rule> find(String method, String path) {
    for (Rule rule : RULES) {
      if (rule.matches(method, path)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static Rule publicRule(String method, String path) {
    return new Rule(method, path, Access.PUBLIC, Set.of());
  }

  private static Rule signedIn(String method, String path) {
    return new Rule(method, path, Access.SIGNED_IN, Set.of());
  }

  private static Rule rule(String method, String path, Set<Role> roles) {
    return new Rule(method, path, Access.ROLES, roles);
  }

  private static Pattern pattern(String path) {
    return PATTERNS.computeIfAbsent(path, p -> {
      StringBuilder regex = new StringBuilder();
      for (String segment : p.substring(1).split("/")) {
        regex.append('/').append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
      }
      return Pattern.compile(regex.toString());
    });
  }
}
