package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 13: {@code baseUrl(...)} alone reaches a plain-HTTP test server on loopback once the
 * builder's explicit opt-in is given, and never without it or for another host.
 */
class BaseUrlShortcutTest {
  private final MockApi server = new MockApi();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void baseUrlWithThePlaintextOptInReachesALoopbackTestServer() {
    server.json(200, "{}");
    try (BinanceClient binance = BinanceClient.builder().baseUrl(server.url()).allowPlaintextLoopback(true)
        .throttle(Throttle.unlimited()).build()) {
      binance.ping();
    }
    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/ping");
  }

  @Test
  void plainHttpBaseUrlWithoutTheOptInIsRefusedAtBuildNamingTheOptIn() {
    assertThatThrownBy(() -> KrakenClient.builder().baseUrl(server.url()).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"))
        .hasMessageContaining("allowPlaintextLoopback(true)");
  }

  @Test
  void theOptInNeverAdmitsPlainHttpToAnotherHost() {
    assertThatThrownBy(() -> CoinbaseClient.builder().baseUrl("http://api.coinbase.com").allowPlaintextLoopback(true).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("baseUrl"));
  }
}
