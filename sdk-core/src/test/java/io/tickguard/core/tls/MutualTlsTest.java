package io.tickguard.core.tls;

import static io.tickguard.core.tls.CertificatePinningTest.catchIo;
import static io.tickguard.core.tls.TrustAndHandshakeTest.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MutualTlsTest {
  private final TlsFixture pki = new TlsFixture();
  private MockWebServer server;
  private OkHttpClient client;

  @BeforeEach
  void startServerRequiringClientCertificates() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    server.requireClientAuth();
  }

  @AfterEach
  void stop() {
    server.close();
    if (client != null) {
      TlsFixture.shutdown(client);
    }
  }

  @Test
  void pemClientCertificateWithPkcs8KeyIsAccepted() throws Exception {
    ClientCertificate certificate = ClientCertificate.fromPem(
        ascii(pki.client.certificatePem()), ascii(pki.client.privateKeyPkcs8Pem()), null);

    assertServerSawTheClientCertificate(certificate);
  }

  @Test
  void pemClientCertificateWithPkcs1RsaKeyIsAccepted() throws Exception {
    var rsaClient = new okhttp3.tls.HeldCertificate.Builder()
        .commonName("bot-rsa").rsa2048().signedBy(pki.clientCa).build();
    ClientCertificate certificate = ClientCertificate.fromPem(
        ascii(rsaClient.certificatePem()), ascii(rsaClient.privateKeyPkcs1Pem()), null);

    client = TlsFixture.client(pki.trustingRoot().clientCertificate(certificate).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
    assertThat(peerLeaf(server.takeRequest()).getSubjectX500Principal().getName()).contains("bot-rsa");
  }

  @Test
  void pkcs12ClientCertificateIsAccepted() throws Exception {
    char[] password = "p12-password".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("bot", pki.client.keyPair().getPrivate(), password,
        new X509Certificate[] {pki.client.certificate(), pki.clientCa.certificate()});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);

    ClientCertificate certificate =
        ClientCertificate.fromPkcs12(new ByteArrayInputStream(out.toByteArray()), password, "bot");

    assertServerSawTheClientCertificate(certificate);
  }

  @Test
  void clientWithoutCertificateIsRefusedAndNoRequestReachesTheServer() {
    client = TlsFixture.client(pki.trustingRoot().build());

    // In TLS 1.3 the server refuses after the client's Finished, so the client sees either the
    // certificate_required alert or a broken pipe, depending on timing; either way nothing is served.
    catchIo(() -> TlsFixture.get(client, server));

    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void clientCertificateToStringHidesTheKey() {
    ClientCertificate certificate = ClientCertificate.fromPem(
        ascii(pki.client.certificatePem()), ascii(pki.client.privateKeyPkcs8Pem()), null);
    String keyBody = pki.client.privateKeyPkcs8Pem().split("\n")[1];

    String text = pki.trustingRoot().clientCertificate(certificate).build().toString();

    assertThat(text).contains("bot-1", "redacted").doesNotContain(keyBody).doesNotContain("PRIVATE KEY");
  }

  private void assertServerSawTheClientCertificate(ClientCertificate certificate) throws Exception {
    client = TlsFixture.client(pki.trustingRoot().clientCertificate(certificate).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
    assertThat(peerLeaf(server.takeRequest())).isEqualTo(pki.client.certificate());
  }

  private static X509Certificate peerLeaf(RecordedRequest request) {
    return (X509Certificate) request.getHandshake().peerCertificates().get(0);
  }
}
