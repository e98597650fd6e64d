package io.gatecast.protocol.enrollment;

/**
 * An agent without identity asks to be enrolled: {@code POST /api/v1/enrollments}. The controller
 * keeps only the SHA-256 of the secret.
 */
public record EnrollmentRequest(String code, String secret) {
  public EnrollmentRequest {
    code = PairingCode.normalise(code, "code");
    PairingCode.checkSecret(secret, "secret");
  }
}
