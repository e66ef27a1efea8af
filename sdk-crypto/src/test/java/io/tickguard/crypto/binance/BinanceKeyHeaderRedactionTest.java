package io.tickguard.crypto.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.MockApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binance's key header ({@code X-MBX-APIKEY}) is a secret because BinanceClient registers it with its
 * client's redactor, not because core knows Binance: core's rules hold generic names only.
 */
class BinanceKeyHeaderRedactionTest {
  private static final String KEY = "BinanceEchoKey0123456789abcdef";
  private final MockApi server = new MockApi();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void coreAloneDoesNotTreatBinancesKeyHeaderAsSecret() {
    Request sent = new Request.Builder().url("https://api.binance.com/api/v3/account")
        .header(BinanceClient.API_KEY_HEADER, KEY).build();
    assertThat(Redactor.standard().isSecretHeader(BinanceClient.API_KEY_HEADER)).isFalse();
    assertThat(Redactor.standard().secretsOf(sent)).isEmpty();
    assertThat(Redactor.standard().withSecretHeaders(List.of(BinanceClient.API_KEY_HEADER)).secretsOf(sent))
        .containsExactly(KEY);
  }

  @Test
  void keyEchoedInAnErrorIsScrubbedThroughBinancesRegistration() {
    try (BinanceClient binance = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac(KEY, Secret.of("binance-secret".toCharArray())))
        .keyPermissionAudit(io.tickguard.core.security.KeyAuditPolicy.OFF).build()) { // scripted answers: no audit call
      for (int i = 0; i < 3; i++) { // the server-time samples a signed call takes first
        server.json(200, "{\"serverTime\":" + MockApi.NOW.toEpochMilli() + "}");
      }
      // No name-based rule matches "key KEY": only the value the client sent in X-MBX-APIKEY can.
      server.json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action, request key " + KEY + "\"}");
      assertThatThrownBy(binance::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(KEY).contains(Redactor.REDACTED);
            assertThat(e.details().providerMessage().orElse("")).doesNotContain(KEY);
          });
    }
  }
}
