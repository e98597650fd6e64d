package io.gatecast.controller.auth.api;

import io.gatecast.controller.auth.Passwords;
import io.gatecast.controller.auth.Role;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.FieldError;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON bodies of sign-in and user management; each checks itself and names the field it refuses. */
public final class UserRequests {
  private UserRequests() {}

  public record Login(String username, String password) {
    public Login {
      Check.required(username, "username");
      Check.required(password, "password");
      if (username.length() > 64 || password.length() > Passwords.MAX_LENGTH) {
        throw FieldError.of("FIELD_TOO_LONG", username.length() > 64 ? "username" : "password",
            "username or password is too long", "limit", username.length() > 64 ? 64 : Passwords.MAX_LENGTH);
      }
    }
  }

  public record ChangePassword(String currentPassword, String newPassword) {
    public ChangePassword {
      Check.required(currentPassword, "currentPassword");
      Passwords.check(newPassword, "newPassword");
    }
  }

  public record CreateUser(String username, String password, List<Role> roles) {
    public CreateUser {
      Check.id(username, "username");
      Passwords.check(password, "password");
      roles = checkedRoles(roles);
    }

    Set<Role> roleSet() {
      return EnumSet.copyOf(roles);
    }
  }

  /** Changes some of a user's settings; a field left out is left as it is. */
  public record UpdateUser(List<Role> roles, String password, Boolean disabled) {
    public UpdateUser {
      if (roles == null && password == null && disabled == null) {
        throw FieldError.of("NOTHING_TO_CHANGE", "roles", "name at least one of roles, password, disabled to change");
      }
      if (roles != null) {
        roles = checkedRoles(roles);
      }
      if (password != null) {
        Passwords.check(password, "password");
      }
    }
  }

  private static List<Role> checkedRoles(List<Role> roles) {
    roles = Check.list(roles, "roles", Role.values().length * 2);
    if (roles.isEmpty()) {
      throw FieldError.of("LIST_EMPTY", "roles", "roles must name at least one role");
    }
    return roles;
  }
}
