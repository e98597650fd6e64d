package io.gatecast.agent;

import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Signer;
import java.security.KeyPair;

/** A controller signing key made for one test: its signer and the pin an agent is configured with. */
public record TestKeys(KeyPair pair, String keyId) {
  public static TestKeys generate() {
    KeyPair pair = Keys.generate();
    return new TestKeys(pair, Keys.fingerprint(pair.getPublic()));
  }

  public Signer signer() {
    return new Signer(keyId, pair.getPrivate());
  }

  public PinnedKey pinned() {
    return new PinnedKey(keyId, Keys.encodePublic(pair.getPublic()), null);
  }
}
