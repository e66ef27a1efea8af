package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.pem.PemFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.tls.HeldCertificate;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretAndCredentialsTest {

  @Test
  void secretFileReadableByGroupIsRefusedWithTheChmodFix(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("binance.secret");
    Files.writeString(file, "abc\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThatThrownBy(() -> Secret.fromFile(file)).hasMessageContaining("chmod 600 " + file);

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(Secret.fromFile(file).contentEquals(Fixtures.secret("abc"))).isTrue(); // newline trimmed
  }

  @Test
  void secretNeverShowsItsContentAndEqualsIsIdentity() {
    Secret a = Fixtures.secret("hunter2");
    Secret b = Fixtures.secret("hunter2");

    assertThat(a.toString()).isEqualTo("Secret[redacted]");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.contentEquals(b)).isTrue();
  }

  @Test
  void destroyedSecretFailsClearly() {
    Secret secret = Secret.of("pw".toCharArray());
    secret.destroy();

    assertThat(secret.toString()).isEqualTo("Secret[destroyed]");
    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
  }

  @Test
  void keyStoreSecretKeyEntryGivesItsRawBytes() throws Exception {
    byte[] apiSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j".getBytes(StandardCharsets.US_ASCII);
    char[] password = "store-pw".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry("binance", new KeyStore.SecretKeyEntry(new SecretKeySpec(apiSecret, "HmacSHA256")),
        new KeyStore.PasswordProtection(password));

    Secret secret = Secret.fromKeyStore(new ByteArrayInputStream(pkcs12(store, password)), password, "binance", password);

    assertThat(secret.contentEquals(Secret.ofBytes(apiSecret))).isTrue();
    assertThat(secret.toString()).isEqualTo("Secret[redacted]");
  }

  @Test
  void keyStorePrivateKeyEntryBecomesAPemThatCredentialsAccept() throws Exception {
    HeldCertificate held = new HeldCertificate.Builder().ecdsa256().commonName("cdp").build();
    char[] password = "store-pw".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("cdp", held.keyPair().getPrivate(), password, new Certificate[] {held.certificate()});

    Secret pem = Secret.fromKeyStore(new ByteArrayInputStream(pkcs12(store, password)), password, "cdp", password);

    assertThat(new String(pem.chars())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    ApiCredentials cdp = ApiCredentials.ecP256("organizations/o/apiKeys/k", pem);
    assertThat(cdp.privateKey().orElseThrow().getEncoded()).isEqualTo(held.keyPair().getPrivate().getEncoded());
  }

  @Test
  void keyStoreWithAWrongPasswordOrAMissingAliasFailsWithoutEchoingThePassword() throws Exception {
    char[] password = "store-pw".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setEntry("binance", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[] {1, 2, 3}, "HmacSHA256")),
        new KeyStore.PasswordProtection(password));
    byte[] bytes = pkcs12(store, password);

    assertThatThrownBy(() -> Secret.fromKeyStore(new ByteArrayInputStream(bytes), "wrong-pw".toCharArray(), "binance", password))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("wrong-pw");
    assertThatThrownBy(() -> Secret.fromKeyStore(new ByteArrayInputStream(bytes), password, "kraken", password))
        .isInstanceOf(PemFormatException.class)
        .hasMessageContaining("'kraken'");
  }

  private static byte[] pkcs12(KeyStore store, char[] password) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.store(out, password);
    return out.toByteArray();
  }

  @Test
  void environmentVariableMustBeSet() {
    assertThat(Secret.fromEnv("K", Map.of("K", "v")).length()).isEqualTo(1);
    assertThatThrownBy(() -> Secret.fromEnv("MISSING", Map.of())).hasMessageContaining("MISSING");
  }

  @Test
  void credentialsAreLeastPrivilegeByDefaultAndRedactTheKeyId() {
    ApiCredentials c = ApiCredentials.hmac("abcdefghijkl", Fixtures.secret("s"));

    assertThat(c.scopes()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    assertThat(c.withScopes(Scope.TRADE).scopes()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.TRADE);
    assertThat(c.toString()).contains("abcd…").doesNotContain("abcdefghijkl");
  }

  @Test
  void rotationLetsInFlightCallsFinishWithTheOldKeyThenDestroysIt() throws Exception {
    ApiCredentials oldKey = ApiCredentials.hmac("old-key-000001", Fixtures.secret("old"));
    ApiCredentials newKey = ApiCredentials.hmac("new-key-000002", Fixtures.secret("new"));
    RotatingCredentialsProvider provider = new RotatingCredentialsProvider(oldKey);
    CredentialsLease inFlight = provider.acquire();

    RotatingCredentialsProvider.Retired retired = provider.rotate(newKey);
    var destroyed = retired.destroyWhenUnused();

    assertThat(destroyed).isNotDone();
    assertThat(inFlight.credentials().secret().orElseThrow().bytes()).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
    try (CredentialsLease next = provider.acquire()) {
      assertThat(next.credentials()).isSameAs(newKey);
    }
    inFlight.close();
    assertThat(destroyed).isDone();
    assertThat(oldKey.secret().orElseThrow().isDestroyed()).isTrue();
  }

  @Test
  void concurrentSigningDuringRotationNeverUsesADestroyedSecret() throws Exception {
    ApiCredentials first = ApiCredentials.hmac("key-number-0001", Fixtures.secret("one"));
    RotatingCredentialsProvider provider = new RotatingCredentialsProvider(first);
    SigningAuthenticator auth = SigningAuthenticator.builder()
        .credentials(provider)
        .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
        .placement(AttachRule.builder().apiKeyHeader("X-KEY").timestampQueryParameter("timestamp")
            .signatureQueryParameter("signature").build())
        .build();
    Endpoint account = Endpoint.builder("account", HttpMethod.GET, "/account").auth(AuthMode.SIGNED).build();
    ApiRequest call = account.request().build();
    Request plain = new Request.Builder().url("https://api.example.com/account").build();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          go.await();
          int n = 0;
          for (int i = 0; i < 500; i++) {
            Request signed = auth.authenticate(plain, call);
            assertThat(signed.url().queryParameter("signature")).hasSize(64);
            n++;
          }
          return n;
        }));
      }
      go.countDown();
      List<RotatingCredentialsProvider.Retired> retired = new ArrayList<>();
      for (int r = 0; r < 50; r++) {
        retired.add(provider.rotate(ApiCredentials.hmac("key-number-" + r + "xx", Fixtures.secret("k" + r))));
        retired.get(r).destroyWhenUnused();
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(500); // no call failed on a destroyed secret
      }
      for (RotatingCredentialsProvider.Retired r : retired) {
        assertThat(r.destroyWhenUnused()).isDone();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signedRequestCarriesKeyTimestampSignatureAndTheSignedPayloadTag() throws Exception {
    ApiCredentials c = ApiCredentials.hmac("vmPUZE6mv9SD5VNH", Fixtures.secret("secret"));
    SigningAuthenticator auth = SigningAuthenticator.builder()
        .credentials(c)
        .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
        .placement(AttachRule.builder().apiKeyHeader("X-MBX-APIKEY").recvWindowQueryParameter("recvWindow", 5000)
            .timestampQueryParameter("timestamp").signatureQueryParameter("signature").build())
        .build();
    Endpoint order = Endpoint.builder("order", HttpMethod.GET, "/api/v3/order").auth(AuthMode.SIGNED).build();

    Request signed = auth.authenticate(
        new Request.Builder().url("https://api.binance.com/api/v3/order?symbol=LTCBTC").build(), order.request().build());

    assertThat(signed.header("X-MBX-APIKEY")).isEqualTo("vmPUZE6mv9SD5VNH");
    SignedPayload payload = signed.tag(SignedPayload.class);
    assertThat(payload.canonical()).startsWith("symbol=LTCBTC&recvWindow=5000&timestamp=").doesNotContain("secret");
    assertThat(signed.url().encodedQuery()).isEqualTo(payload.canonical() + "&signature=" + signed.url().queryParameter("signature"));
  }
}
