package io.gatecast.controller.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The controller's TLS certificate and private key (PEM files), used by both the HTTP API
 * (Vert.x) and the embedded broker's listener (Moquette, on Netty). Checked on construction, so a
 * wrong file stops the start with a sentence instead of a half-secured controller.
 *
 * @param certificate PEM: the server certificate first, then any intermediate CA certificates
 * @param privateKey PEM: the certificate's private key, PKCS#8 ({@code BEGIN PRIVATE KEY})
 */
public record TlsFiles(Path certificate, Path privateKey) {
  public TlsFiles {
    if (certificate == null || privateKey == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both PEM files or neither");
    }
    if (!Files.isReadable(certificate)) {
      throw new IllegalArgumentException("--tls-cert " + certificate + " is not a readable file");
    }
    if (!Files.isReadable(privateKey)) {
      throw new IllegalArgumentException("--tls-key " + privateKey + " is not a readable file");
    }
    if (certificates(certificate).isEmpty()) {
      throw new IllegalArgumentException("--tls-cert " + certificate + " holds no PEM certificate");
    }
    try {
      SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile()).build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--tls-cert " + certificate + " and --tls-key " + privateKey
          + " are not a usable PEM certificate and PKCS#8 key pair: " + e.getMessage(), e);
    }
  }

  /** The HTTP server's options: HTTPS only, from these files. */
  public HttpServerOptions httpServerOptions() {
    return new HttpServerOptions().setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(certificate.toString()).setKeyPath(privateKey.toString()));
  }

  /** The broker listener's context (Netty's, as Moquette wants it). */
  public SslContext brokerContext() {
    try {
      return SslContextBuilder.forServer(certificate.toFile(), privateKey.toFile()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the broker's TLS context: " + e.getMessage(), e);
    }
  }

  /**
   * For the controller's own MQTT link to its embedded broker: trusts exactly the certificates in
   * {@link #certificate} (its own), so no CA file is needed and nothing else is accepted.
   */
  public SSLContext selfTrust() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : certificates(certificate)) {
        store.setCertificateEntry("own-" + i++, cert);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust " + certificate + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key and certificate chain as a PKCS#12 key store (entry {@code gatecast}), for a broker that
   * takes its TLS identity as a key store file (HiveMQ) rather than PEM files.
   */
  public KeyStore keyStore(char[] password) {
    try {
      String pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
      PrivateKey key = pkcs8(der);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("gatecast", key, password, certificates(certificate).toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make a key store of " + certificate + " and " + privateKey + ": "
          + e.getMessage(), e);
    }
  }

  /** A PKCS#8 key of whichever algorithm reads it (the file does not say). */
  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static Collection<? extends Certificate> certificates(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("--tls-cert " + pem + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }
}
