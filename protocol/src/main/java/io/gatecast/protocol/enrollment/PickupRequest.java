package io.gatecast.protocol.enrollment;

/** The agent's poll, {@code POST /api/v1/enrollments/{code}/pickup}: authorised by its secret, never by the code alone. */
public record PickupRequest(String secret) {
  public PickupRequest {
    PairingCode.checkSecret(secret, "secret");
  }
}
