package io.tickguard.core.tls;

import io.tickguard.core.tls.internal.TlsFailures;
import static io.tickguard.core.tls.CertificatePinningTest.catchIo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrustAndHandshakeTest {
  private final TlsFixture pki = new TlsFixture();
  private MockWebServer server;
  private OkHttpClient client;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (client != null) {
      TlsFixture.shutdown(client);
    }
  }

  @Test
  void privateRootFromPemIsTrusted() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    client = TlsFixture.client(pki.trustingRoot().build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void privateRootFromPkcs12TrustStoreIsTrusted() throws Exception {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    char[] password = "changeit".toCharArray();
    TrustRoots roots = TrustRoots.onlyPkcs12(new ByteArrayInputStream(trustStore(password)), password);
    client = TlsFixture.client(TlsConfig.builder().trustRoots(roots).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void systemRootsPlusPrivateRootTrustsTheBoth() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    TrustRoots roots = TrustRoots.systemPlus(List.of(pki.rootCa.certificate()));
    client = TlsFixture.client(TlsConfig.builder().trustRoots(roots).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
    assertThat(roots.includesSystemRoots()).isTrue();
  }

  @Test
  void untrustedCertificateFailsAsCertificateNotTrusted() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    client = TlsFixture.client(TlsConfig.defaults());

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));

    assertThat(TlsFailures.translate(failure, "localhost")).get()
        .isInstanceOfSatisfying(TlsHandshakeException.class, e -> {
          assertThat(e.reason()).isEqualTo(TlsHandshakeException.Reason.CERTIFICATE_NOT_TRUSTED);
          assertThat(e.outcomeUnknown()).isFalse();
          assertThat(e.getMessage()).contains("localhost", "trustRoots");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void certificateForAnotherHostFailsEvenWithALaxHostnameVerifier() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory(pki.serverCertificate("api.example.com")));
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    pki.trustingRoot().build().applyTo(builder);
    // Someone replaces OkHttp's verifier afterwards: the JDK still checks the name in the handshake.
    client = builder.hostnameVerifier((host, session) -> true).build();

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));

    assertThat(TlsFailures.translate(failure, "127.0.0.1")).get()
        .isInstanceOf(TlsHandshakeException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void clientOffersOnlyTls13And12WithRestrictedSuites() {
    client = TlsFixture.client(TlsConfig.defaults());

    assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.RESTRICTED_TLS);
    assertThat(ConnectionSpec.RESTRICTED_TLS.tlsVersions()).containsExactly(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
  }

  @Test
  void tls11OnlyServerIsRefused() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory("TLSv1.1"));
    client = TlsFixture.client(pki.trustingRoot().build());

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));

    assertThat(TlsFailures.translate(failure, "localhost")).get()
        .isInstanceOfSatisfying(TlsHandshakeException.class,
            e -> assertThat(e.reason()).isEqualTo(TlsHandshakeException.Reason.HANDSHAKE_FAILED));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void tls12OnlyServerIsAccepted() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory("TLSv1.2"));
    client = TlsFixture.client(pki.trustingRoot().build());

    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
      assertThat(ConnectionSpec.RESTRICTED_TLS.cipherSuites()).contains(response.handshake().cipherSuite());
    }
  }

  @Test
  void tls13IsNegotiatedWhenBothSidesSpeakIt() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    client = TlsFixture.client(pki.trustingRoot().build());

    try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(response.handshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_3);
    }
  }

  @Test
  void nonTlsFailureIsLeftToTheTransport() {
    assertThat(TlsFailures.translate(new java.net.SocketTimeoutException("timeout"), "localhost")).isEmpty();
  }

  private byte[] trustStore(char[] password) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("tickguard-test-root", pki.rootCa.certificate());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
