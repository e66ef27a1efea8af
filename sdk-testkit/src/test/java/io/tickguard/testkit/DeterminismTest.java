package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.CANDLES;
import static io.tickguard.testkit.testing.DemoEndpoints.DEPTH;
import static io.tickguard.testkit.testing.DemoEndpoints.TICKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ResponseDecoder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed and clock, same bytes, whatever order the data is asked in. */
class DeterminismTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-05-06T07:08:09.123Z"), ZoneOffset.UTC);
  private static final ResponseDecoder<String> BODY = ApiResponse::bodyText;

  private static List<ApiRequest> requests() {
    return List.of(
        TICKER.request().query("symbol", "BTC-USDT").build(),
        DEPTH.request().query("symbol", "ETH-USDT").query("limit", "50").build(),
        CANDLES.request().query("symbol", "EUR-USD").query("interval", "1h").query("limit", "48").build(),
        CANDLES.request().query("symbol", "SOL-USDT").query("interval", "1m").query("limit", "30").build());
  }

  private static List<String> bodies(long seed, boolean reversed) {
    try (SandboxServer sandbox = SandboxServer.builder().seed(seed).clock(FIXED).start();
        ApiClient api = ApiClient.builder(sandbox.clientConfig()).build()) {
      List<ApiRequest> order = new java.util.ArrayList<>(requests());
      if (reversed) {
        java.util.Collections.reverse(order);
      }
      List<String> out = new java.util.ArrayList<>();
      for (ApiRequest r : order) {
        out.add(api.execute(r, BODY));
      }
      if (reversed) {
        java.util.Collections.reverse(out);
      }
      return out;
    }
  }

  @Test
  void twoSandboxesWithOneSeedServeIdenticalData() {
    assertThat(bodies(42, false)).isEqualTo(bodies(42, true));
  }

  @Test
  void anotherSeedServesOtherData() {
    assertThat(bodies(42, false).get(0)).isNotEqualTo(bodies(43, false).get(0));
  }
}
