package io.gatecast.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The test-only lower hashing cost is obeyed only with both the property and the test kit: a
 * controller started without the kit (its production class path) hashes at the full count whatever
 * the property says.
 */
class PasswordsCostTest {
  @Test
  void withoutTheTestKitThePropertyIsIgnored() {
    assertThat(Passwords.inEffect("1000", false)).isEqualTo(Passwords.ITERATIONS);
    assertThat(Passwords.inEffect("1", false)).isEqualTo(Passwords.ITERATIONS);
  }

  @Test
  void withoutThePropertyTheFullCountHolds() {
    assertThat(Passwords.inEffect(null, true)).isEqualTo(210_000);
  }

  @Test
  void withBothALowerPositiveCountIsUsed() {
    assertThat(Passwords.inEffect("1000", true)).isEqualTo(1000);
    assertThat(Passwords.inEffect(" 1 ", true)).isEqualTo(1);
  }

  @Test
  void aNonsenseOrHigherValueKeepsTheFullCount() {
    for (String value : new String[] {"", "many", "0", "-5", "210000", "999999", "1e3"}) {
      assertThat(Passwords.inEffect(value, true)).as(value).isEqualTo(Passwords.ITERATIONS);
    }
  }

  @Test
  void aHashMadeAtTheLowerCountIsCheckedAsMade() {
    String stored = io.gatecast.controller.broker.PasswordHash.hash("correct horse battery staple",
        Passwords.inEffect("1000", true));
    assertThat(stored).startsWith("$7$1000$");
    assertThat(Passwords.matches("correct horse battery staple", stored)).isTrue();
    assertThat(Passwords.matches("correct horse battery stapler", stored)).isFalse();
  }
}
