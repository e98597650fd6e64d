package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.auth.Passwords;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Generated passwords are hashed at Mosquitto's own work factor; hashes made at any other count still match. */
class PasswordHashTest {

  @Test
  void aGeneratedPasswordIs192RandomBits() {
    String password = PasswordHash.newPassword();
    assertThat(Base64.getUrlDecoder().decode(password)).hasSize(24);
    assertThat(PasswordHash.newPassword()).isNotEqualTo(password);
  }

  @Test
  void aNewHashUsesTheCurrentCountAndMatchesOnlyItsPassword() {
    String password = PasswordHash.newPassword();
    String stored = PasswordHash.hash(password);
    assertThat(stored).startsWith("$7$" + PasswordHash.RANDOM_PASSWORD_ITERATIONS + "$");
    assertThat(PasswordHash.isCurrent(stored)).isTrue();
    assertThat(PasswordHash.matches(password, stored)).isTrue();
    assertThat(PasswordHash.matches(PasswordHash.newPassword(), stored)).isFalse();
    assertThat(PasswordHash.hash(password)).as("fresh salt each time").isNotEqualTo(stored);
  }

  @Test
  void aHashStoredAtTheOld10000IterationsStillMatchesButIsNotCurrent() {
    String password = PasswordHash.newPassword();
    String old = PasswordHash.hash(password, 10_000);
    assertThat(old).startsWith("$7$10000$");
    assertThat(PasswordHash.matches(password, old)).isTrue();
    assertThat(PasswordHash.matches(password + "x", old)).isFalse();
    assertThat(PasswordHash.isCurrent(old)).isFalse();
  }

  @Test
  void peoplesPasswordsKeepTheirOwnLargeCount() {
    String stored = Passwords.hash("correct horse battery staple");
    assertThat(stored).startsWith("$7$" + Passwords.ITERATIONS + "$");
    assertThat(Passwords.ITERATIONS).isEqualTo(210_000);
    assertThat(Passwords.matches("correct horse battery staple", stored)).isTrue();
  }

  @Test
  void anythingNotInTheMosquittoFormIsNeitherMatchedNorCurrent() {
    for (String stored : new String[] {null, "", "plain", "$6$abc$def", "$7$x$c2FsdA==$aGFzaA==", "$7$101$only"}) {
      assertThat(PasswordHash.matches("anything", stored)).as(stored).isFalse();
      assertThat(PasswordHash.isCurrent(stored)).as(stored).isFalse();
    }
  }
}
