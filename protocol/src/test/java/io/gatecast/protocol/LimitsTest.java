package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Hostile sizes: each limit refuses its input, and refuses it early. "Early" is shown by what the
 * error names: an oversized payload that is also broken JSON is refused for its size (so it was
 * never parsed), a deep document followed by garbage is refused for its depth (so the parser
 * stopped at the limit, not at the garbage).
 */
class LimitsTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void codecAndLimitsAgreeOnTheNestingDepth() {
    assertThat(Codec.mapper().getFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(Limits.MAX_NESTING_DEPTH);
    assertThat(Codec.mapper().getFactory().streamReadConstraints().getMaxStringLength()).isLessThanOrEqualTo(Limits.MAX_MESSAGE_BYTES);
  }

  @Test
  void anOversizedPayloadIsRefusedUnread() {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) '{');
    assertThatThrownBy(() -> Codec.decode(huge, StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("the limit is").hasMessageNotContaining("malformed");
    assertThatThrownBy(() -> new Verifier(Fixtures.freshness(Fixtures.NOW),
            java.util.List.of(new PinnedKey("k", Keys.encodePublic(Keys.generate().getPublic()), null)))
        .open(huge, "status", StatusMessage.class))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.TOO_LARGE));
  }

  @Test
  void deepNestingStopsAtTheLimit() {
    String deep = "{\"a\":".repeat(Limits.MAX_NESTING_DEPTH + 1) + "\u0000garbage";
    assertThatThrownBy(() -> Codec.decode(utf8(deep), StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("nesting depth");
    // Inside a field an older agent does not know: skipped, but the skipping parser still counts depth.
    String arrays = "{\"fieldFromTheFuture\":" + "[".repeat(100_000);
    assertThatThrownBy(() -> Codec.decode(utf8(arrays), StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("nesting depth");
    String allowed = "{\"a\":".repeat(Limits.MAX_NESTING_DEPTH - 1) + "1" + "}".repeat(Limits.MAX_NESTING_DEPTH - 1);
    assertThatThrownBy(() -> Codec.decode(utf8(allowed), StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageNotContaining("nesting depth");
  }

  @Test
  void canonicalRefusesTreesDeeperThanTheLimit() {
    JsonNode node = Codec.mapper().createArrayNode();
    for (int i = 0; i < Limits.MAX_NESTING_DEPTH + 5; i++) {
      node = Codec.mapper().createArrayNode().add(node);
    }
    JsonNode deep = node;
    assertThatThrownBy(() -> Canonical.bytes(deep)).isInstanceOf(ProtocolException.class).hasMessageContaining("nested deeper");
  }

  @Test
  void hugeStringsAndArraysWithinTheByteLimitAreRefusedByTheMessageChecks() {
    String longTitle = "{\"header\":{\"protocolVersion\":1,\"messageId\":\"" + "x".repeat(200_000) + "\",\"sentAt\":\"2026-01-01T00:00:00Z\"}}";
    assertThatThrownBy(() -> Codec.decode(utf8(longTitle), StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("messageId is longer than 64");
    StringBuilder array = new StringBuilder("{\"screenId\":[");
    while (array.length() < Limits.MAX_MESSAGE_BYTES - 10) {
      array.append("0,");
    }
    array.append("0]}");
    assertThatThrownBy(() -> Codec.decode(utf8(array.toString()), StatusMessage.class)).isInstanceOf(ProtocolException.class);
    String longNumber = "{\"appliedVersion\":" + "9".repeat(5000) + "}";
    assertThatThrownBy(() -> Codec.decode(utf8(longNumber), StatusMessage.class)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("Number value length");
  }
}
