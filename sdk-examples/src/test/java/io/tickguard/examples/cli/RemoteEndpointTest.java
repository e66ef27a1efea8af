package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line against a standalone sandbox reached with --base-url, --ca-file and --pin (as
 * {@code tickguard sandbox} prints them), the doctor's checks, and a hostile server's strings.
 */
class RemoteEndpointTest {
  private final CliHarness cli = new CliHarness();
  private SandboxServer sandbox;
  private Path ca;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    sandbox = CliHarness.standalone();
    ca = dir.resolve("ca.pem");
    Files.writeString(ca, sandbox.caCertificatePem(), StandardCharsets.US_ASCII);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String[] remote(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--base-url", sandbox.baseUrl(), "--ca-file", ca.toString(), "--pin", sandbox.pin(), "--pin", sandbox.backupPin()));
    return all.toArray(String[]::new);
  }

  @Test
  void standaloneSandboxIsReachedWithBaseUrlCaFileAndPin() {
    assertThat(cli.run(remote("ticker", "BTC/USDT"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("BTC/USDT");
    cli.env.put("BINANCE_API_KEY", ProviderSandbox.BINANCE_API_KEY);
    cli.env.put("BINANCE_API_SECRET", ProviderSandbox.BINANCE_API_SECRET);
    assertThat(cli.run(remote("balances"))).as(cli.err()).isZero();
    assertThat(cli.out()).contains("asset");
    assertThat(cli.sandboxesStarted).as("nothing embedded when --base-url is given").hasValue(0);
  }

  @Test
  void doctorPassesEveryCheckAgainstAPinnedSandbox() {
    cli.env.put("BINANCE_API_KEY", ProviderSandbox.BINANCE_API_KEY);
    cli.env.put("BINANCE_API_SECRET", ProviderSandbox.BINANCE_API_SECRET);
    assertThat(cli.run(remote("doctor"))).as(cli.out() + cli.err()).isZero();
    assertThat(cli.out()).containsPattern("pass +tls +TLSv1\\.[23] ")
        .containsPattern("pass +pin +served key sha256/")
        .containsPattern("pass +clock ")
        .containsPattern("pass +key file ")
        .containsPattern("pass +credentials +key accepted")
        .containsPattern("pass +deprecation ");
  }

  @Test
  void doctorFailsOnAPinMismatchAndAClockFarAheadWithExitCodeFour() {
    sandbox.faults().clockSkew(Duration.ofSeconds(30));
    String wrongPin = "sha256/" + "A".repeat(43) + "=";
    assertThat(cli.run("doctor", "--base-url", sandbox.baseUrl(), "--ca-file", ca.toString(), "--pin", wrongPin, "--json"))
        .isEqualTo(4);
    JsonNode[] checks = cli.out().lines().map(JsonMapper.builder().build()::readTree).toArray(JsonNode[]::new);
    assertThat(checks).anySatisfy(c -> {
      assertThat(c.get("check").asString()).isEqualTo("pin");
      assertThat(c.get("status").asString()).isEqualTo("fail");
    });
    assertThat(cli.run("doctor", "--base-url", sandbox.baseUrl(), "--ca-file", ca.toString())).isEqualTo(4);
    assertThat(cli.out()).containsPattern("fail +clock +server clock \\+\\d+ ms")
        .containsPattern("warn +pin +no pin for 127\\.0\\.0\\.1");
  }

  @Test
  void doctorFailsOnAKeyFileOthersCanRead(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("coinbase.pem");
    Files.writeString(pem, "not read");
    Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-r--r--"));
    cli.env.put("COINBASE_KEY_NAME", "k");
    cli.env.put("COINBASE_PRIVATE_KEY_FILE", pem.toString());
    // The key cannot even be loaded: a configuration error naming the variable, before any call.
    assertThat(cli.run(remote("doctor", "-p", "coinbase"))).isEqualTo(3);
    assertThat(cli.err()).contains("COINBASE_PRIVATE_KEY_FILE", "chmod 600");
  }

  @Test
  void serverStringsWithEscapeSequencesArePrintedHarmlessly() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).build();
    HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").signedBy(root).build();
    HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(leaf, root.certificate()).build();
    Path hostileCa = Files.createTempFile("hostile-ca", ".pem");
    Files.writeString(hostileCa, root.certificatePem());
    try (MockWebServer hostile = new MockWebServer()) {
      hostile.useHttps(server.sslSocketFactory());
      hostile.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
          .body("{\"code\":-1121,\"msg\":\"Invalid symbol.\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\"}").build());
      hostile.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      String url = "https://127.0.0.1:" + hostile.getPort();
      assertThat(cli.run("ticker", "BTC/USDT", "--base-url", url, "--ca-file", hostileCa.toString())).isEqualTo(1);
    } finally {
      Files.deleteIfExists(hostileCa);
    }
    assertThat(cli.err()).contains("Invalid symbol.").contains("pwned")
        .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
  }

  @Test
  void sandboxCommandPrintsUrlCaFilePinAndDemoKeys() {
    assertThat(cli.run("sandbox", "--exit", "--providers", "binance,coinbase")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("base URL    https://127.0.0.1:", "CA file     /", "pin         sha256/",
        "export BINANCE_API_KEY=sandbox-binance-key BINANCE_API_SECRET=sandbox-binance-secret", "COINBASE_PRIVATE_KEY_FILE=/",
        "tickguard ticker BTC/USDT --base-url https://127.0.0.1:");
    assertThat(cli.run("sandbox", "--exit", "--providers", "bitstamp")).isEqualTo(2);
  }
}
