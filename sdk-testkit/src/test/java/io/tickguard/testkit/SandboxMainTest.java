package io.tickguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone entry point, as a non-Java client would use it: the printed URL, CA file and pin. */
class SandboxMainTest {

  @Test
  void printsWhatAClientNeedsAndTheCaFileReallyTrustsTheServer(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Path ca = dir.resolve("ca.pem");
    try (SandboxServer sandbox = SandboxMain.start(
        new String[] {"--seed", "9", "--ca-out", ca.toString(), "--fault", "next:1:status=502"},
        new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      String printed = buffer.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains(sandbox.baseUrl()).contains(sandbox.pin()).contains(ca.toAbsolutePath().toString());
      HandshakeCertificates trust = new HandshakeCertificates.Builder()
          .addTrustedCertificate(Certificates.decodeCertificatePem(Files.readString(ca))).build();
      OkHttpClient http = new OkHttpClient.Builder()
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
          .certificatePinner(new okhttp3.CertificatePinner.Builder().add("127.0.0.1", sandbox.pin()).build())
          .build();
      Request time = new Request.Builder().url(sandbox.url("/demo/v1/time")).build();
      try (Response r = http.newCall(time).execute()) {
        assertThat(r.code()).isEqualTo(502);
      }
      try (Response r = http.newCall(time).execute()) {
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.body().string()).contains("serverTime");
      }
      http.connectionPool().evictAll();
    }
  }

  @Test
  void plaintextModeServesHttpOnLoopback() throws Exception {
    try (SandboxServer sandbox = SandboxMain.start(new String[] {"--plaintext"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(sandbox.baseUrl()).startsWith("http://127.0.0.1:");
      assertThat(sandbox.clientConfig().plaintextLoopbackAllowed()).isTrue();
    }
  }

  @Test
  void servesEveryProviderWireFormatByDefaultAndPrintsTheirDemoCredentials() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (SandboxServer sandbox = SandboxMain.start(new String[0], new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      assertThat(sandbox.routes()).anyMatch(r -> r.contains("/api/v3/depth"))
          .anyMatch(r -> r.contains("/0/public/Depth"))
          .anyMatch(r -> r.contains("/api/v3/brokerage/market/product_book"))
          .anyMatch(r -> r.contains("/forex/latest"))
          .anyMatch(r -> r.contains("/demo/v1/"));
      assertThat(buffer.toString(StandardCharsets.UTF_8))
          .contains(io.tickguard.testkit.providers.ProviderSandbox.KRAKEN_API_KEY)
          .contains(io.tickguard.testkit.providers.ProviderSandbox.COINBASE_KEY_NAME)
          .contains("coinbase PEM file");
    }
  }

  @Test
  void temporaryCaAndKeyFilesAreOwnerOnlyAndDeletedOnClose() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Path ca;
    Path coinbaseKey;
    try (SandboxServer sandbox = SandboxMain.start(new String[] {"--providers", "coinbase"},
        new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      String out = buffer.toString(StandardCharsets.UTF_8);
      ca = Path.of(printed(out, "CA (PEM)"));
      coinbaseKey = Path.of(printed(out, "coinbase PEM file"));
      assertThat(ca).exists().content().isEqualTo(sandbox.caCertificatePem());
      assertThat(coinbaseKey).exists();
      assertThat(java.nio.file.Files.getPosixFilePermissions(coinbaseKey))
          .containsOnly(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    assertThat(ca).doesNotExist();
    assertThat(coinbaseKey).doesNotExist();
  }

  @Test
  void aCaFileTheUserNamedIsKeptAfterClose(@TempDir Path dir) {
    Path ca = dir.resolve("mine.pem");
    try (SandboxServer sandbox = SandboxMain.start(new String[] {"--providers", "none", "--ca-out", ca.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(ca).exists().content().isEqualTo(sandbox.caCertificatePem());
    }

    assertThat(ca).exists();
  }

  private static String printed(String out, String label) {
    String line = out.lines().filter(l -> l.trim().startsWith(label)).findFirst().orElseThrow();
    return line.substring(line.indexOf(label) + label.length()).trim();
  }

  @Test
  void providersCanBeChosen() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (SandboxServer sandbox = SandboxMain.start(new String[] {"--providers", "kraken"}, quiet)) {
      assertThat(sandbox.routes()).anyMatch(r -> r.contains("/0/public/Depth")).noneMatch(r -> r.contains("/api/v3/depth"));
    }
    assertThatThrownBy(() -> SandboxMain.start(new String[] {"--providers", "kraken,bitstamp"}, quiet))
        .hasMessageContaining("bitstamp").hasMessageContaining("binance");
  }

  @Test
  void badOptionsAreNamed() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SandboxMain.start(new String[] {"--bogus"}, quiet)).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> SandboxMain.start(new String[] {"--fault", "next:1:explode"}, quiet)).hasMessageContaining("explode");
    assertThat(SandboxMain.start(new String[] {"--help"}, quiet)).isNull();
  }
}
