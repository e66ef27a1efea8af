package io.tickguard.core.testutil;

import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.tls.TrustRoots;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A private CA and a server certificate for 127.0.0.1, and a MockWebServer speaking TLS with it. */
public final class LoopbackTls {
  public final HeldCertificate root = new HeldCertificate.Builder()
      .commonName("TickGuard Stream Test Root").certificateAuthority(0).build();
  public final HeldCertificate server = new HeldCertificate.Builder()
      .commonName("127.0.0.1").addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
      .signedBy(root).build();

  /** A started TLS server on 127.0.0.1. */
  public MockWebServer startServer() throws IOException {
    MockWebServer mws = new MockWebServer();
    mws.useHttps(new HandshakeCertificates.Builder().heldCertificate(server).build().sslSocketFactory());
    mws.start(InetAddress.getByName("127.0.0.1"), 0);
    return mws;
  }

  /** Client TLS trusting only the private root. */
  public TlsConfig.Builder trustingRoot() {
    return TlsConfig.builder().trustRoots(TrustRoots.onlyPem(root.certificatePem().getBytes(StandardCharsets.US_ASCII)));
  }

  /** The pin of the server's certificate. */
  public String serverPin() {
    return CertificatePinner.pin(server.certificate());
  }
}
