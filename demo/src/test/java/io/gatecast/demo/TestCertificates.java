package io.gatecast.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test by the real {@code openssl} (the JDK has no API to
 * issue certificates), and server certificates it signs. Files are PEM; keys are PKCS#8.
 */
final class TestCertificates {
  /** A CA: its certificate (what agents get as {@code --ca-file}) and its key. */
  record Authority(Path certificate, Path key) {}

  /** A server certificate signed by a CA, and its private key (what the controller is given). */
  record ServerCertificate(Path certificate, Path key) {}

  private TestCertificates() {}

  static Authority authority(Path dir, String name) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path key = dir.resolve(name + ".key");
    Path cert = dir.resolve(name + ".pem");
    openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + name,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return new Authority(cert, key);
  }

  /** A certificate for 127.0.0.1 and localhost, signed by {@code ca}. */
  static ServerCertificate server(Path dir, Authority ca) throws IOException, InterruptedException {
    Path key = dir.resolve("server.key");
    Path csr = dir.resolve("server.csr");
    Path cert = dir.resolve("server.pem");
    Path extensions = dir.resolve("server.ext");
    Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        + "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n", StandardCharsets.US_ASCII);
    openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1");
    openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", ca.certificate().toString(), "-CAkey", ca.key().toString(),
        "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", extensions.toString());
    return new ServerCertificate(cert, key);
  }

  private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
    }
  }
}
