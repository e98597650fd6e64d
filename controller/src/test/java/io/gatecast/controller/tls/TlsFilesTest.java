package io.gatecast.controller.tls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong TLS files stop the start with a sentence naming the option (the working case: demo's TlsTest). */
class TlsFilesTest {
  @TempDir Path tmp;

  @Test
  void bothFilesAreNeeded() {
    assertThatThrownBy(() -> new TlsFiles(tmp.resolve("cert.pem"), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert and --tls-key go together");
  }

  @Test
  void aMissingCertificateIsNamed() throws Exception {
    Path key = Files.writeString(tmp.resolve("key.pem"), "x");
    assertThatThrownBy(() -> new TlsFiles(tmp.resolve("missing.pem"), key))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert").hasMessageContaining("missing.pem");
  }

  @Test
  void aFileThatIsNoCertificateIsRefused() throws Exception {
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "not a certificate");
    Path key = Files.writeString(tmp.resolve("key.pem"), "not a key");
    assertThatThrownBy(() -> new TlsFiles(cert, key))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-cert").hasMessageContaining("cert.pem");
  }
}
