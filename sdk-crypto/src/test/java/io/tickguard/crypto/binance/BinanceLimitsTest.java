package io.tickguard.crypto.binance;

import io.tickguard.crypto.binance.internal.BinanceEndpoints;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.ThrottleMode;
import io.tickguard.core.throttle.RateLimit;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every Binance endpoint counts against a window of the published preset, with its documented weight. */
class BinanceLimitsTest {

  private static List<Endpoint> endpoints() throws IllegalAccessException {
    List<Endpoint> out = new ArrayList<>();
    for (Field f : BinanceEndpoints.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Endpoint.class) {
        out.add((Endpoint) f.get(null));
      }
    }
    return out;
  }

  @Test
  void everyEndpointCountsOnlyAgainstGroupsThePresetHas() throws Exception {
    Set<String> groups = BinanceLimits.spot().limits().stream().map(RateLimit::group).collect(Collectors.toSet());
    List<Endpoint> all = endpoints();
    assertThat(all).hasSize(10); // apiRestrictions (the key permission audit) and ticker/price (last price) included
    assertThat(all).allSatisfy(e -> {
      assertThat(e.limits()).containsExactly(BinanceEndpoints.REQUEST_WEIGHT);
      assertThat(groups).containsAll(e.limits());
    });
  }

  @Test
  void thePresetThrottleChargesTheDocumentedWeights() throws Exception {
    Clock fixed = Clock.fixed(Instant.parse("2026-03-02T10:00:10Z"), ZoneOffset.UTC);
    // Burst mode: this test counts the window's budget, which pacing would spread over the minute.
    InProcessThrottle throttle = InProcessThrottle.builder(BinanceLimits.spot()).mode(ThrottleMode.BURST).clock(fixed)
        .maxWait(Duration.ZERO).build();
    // 6000 per minute: 24 deep books (250 each) fill it exactly, the 25th is refused.
    ApiRequest deep = BinanceEndpoints.DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5000").build();
    assertThat(deep.weight()).isEqualTo(250);
    for (int i = 0; i < 24; i++) {
      throttle.acquire(deep);
    }
    ApiRequest ping = BinanceEndpoints.PING.request().build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> throttle.acquire(ping))
        .isInstanceOfSatisfying(io.tickguard.core.RateLimitedException.class,
            e -> assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m"));
    assertThat(BinanceEndpoints.TRADES.request().query("symbol", "BTCUSDT").build().weight()).isEqualTo(25);
    assertThat(BinanceEndpoints.KLINES.request().query("symbol", "BTCUSDT").query("interval", "1h").build().weight())
        .isEqualTo(2);
    assertThat(BinanceEndpoints.EXCHANGE_INFO.request().build().weight()).isEqualTo(20);
    assertThat(BinanceEndpoints.ACCOUNT.request().build().weight()).isEqualTo(20);
    assertThat(BinanceEndpoints.TIME.request().build().weight()).isEqualTo(1);
    assertThat(BinanceEndpoints.TICKER_PRICE.request().query("symbol", "BTCUSDT").build().weight()).isEqualTo(2);
  }
}
