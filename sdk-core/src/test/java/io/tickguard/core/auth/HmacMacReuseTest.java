package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * HMAC signers reuse initialised {@code Mac}s between signatures instead of cloning one each time:
 * a reused {@code Mac} must never carry state from another signature, another thread or another key.
 */
class HmacMacReuseTest {
  private static final RequestSigner SIGNER = Signers.hmacSha256Hex(in -> in.query() + in.body());

  @Test
  void signaturesFromManyThreadsSharingMacsEachMatchAFreshMac() throws Exception {
    ApiCredentials credentials = ApiCredentials.hmac("key-a", Fixtures.secret("secret-a"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        Callable<Integer> job = () -> {
          int checked = 0;
          for (int i = 0; i < 500; i++) {
            String query = "symbol=T" + thread + "&i=" + i + "&pad=" + "x".repeat(i % 97);
            String value = SIGNER.sign(Fixtures.input("GET", "/", query, "", "0", 0), credentials).value();
            assertThat(value).as("thread %d call %d", thread, i).isEqualTo(hmac("secret-a", query));
            checked++;
          }
          return checked;
        };
        results.add(pool.submit(job));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      assertThat(total).isEqualTo(4_000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void alternatingCredentialsNeverSignWithTheOtherKey() throws Exception {
    ApiCredentials a = ApiCredentials.hmac("key-a", Fixtures.secret("secret-a"));
    ApiCredentials b = ApiCredentials.hmac("key-b", Fixtures.secret("secret-b"));

    for (int i = 0; i < 50; i++) {
      ApiCredentials current = i % 2 == 0 ? a : b;
      String secret = i % 2 == 0 ? "secret-a" : "secret-b";
      String query = "n=" + i;
      assertThat(SIGNER.sign(Fixtures.input("GET", "/", query, "", "0", 0), current).value())
          .isEqualTo(hmac(secret, query));
    }
  }

  @Test
  void thePayloadReportsTheTextThatWasSigned() throws Exception {
    ApiCredentials credentials = ApiCredentials.hmac("key-a", Fixtures.secret("secret-a"));

    RequestSignature signature = SIGNER.sign(Fixtures.input("POST", "/", "a=1", "b=2", "0", 0), credentials);

    assertThat(signature.payload()).isEqualTo(new SignedPayload("HMAC-SHA256", "a=1b=2"));
    assertThat(signature.value()).isEqualTo(hmac("secret-a", "a=1b=2"));
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
