package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzSeedTest {
  @Test
  void aSeedGivenAsTheSystemPropertyIsReplayedAndNamedInTheReplayHint() {
    String before = System.getProperty(FuzzSeed.PROPERTY);
    System.setProperty(FuzzSeed.PROPERTY, "-6951371446259359702");
    try {
      assertThat(FuzzSeed.of("FuzzSeedTest")).isEqualTo(-6951371446259359702L);
    } finally {
      if (before == null) {
        System.clearProperty(FuzzSeed.PROPERTY);
      } else {
        System.setProperty(FuzzSeed.PROPERTY, before);
      }
    }
    assertThat(FuzzSeed.replay(42)).contains("-Dgatecast.fuzz.seed=42");
  }

  @Test
  void withoutTheSystemPropertyEachRunDrawsAnotherSeed() {
    String before = System.getProperty(FuzzSeed.PROPERTY);
    System.clearProperty(FuzzSeed.PROPERTY);
    try {
      // Two draws in a row: equal only by a 1-in-2^64 chance.
      assertThat(FuzzSeed.of("first")).isNotEqualTo(FuzzSeed.of("second"));
    } finally {
      if (before != null) {
        System.setProperty(FuzzSeed.PROPERTY, before);
      }
    }
  }
}
