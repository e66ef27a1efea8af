package io.tickguard.testkit.junit;

import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code @Sandbox(providers = ...)} serves those wire formats and injects their demo keys and the clock. */
@Sandbox(providers = {ProviderSandbox.BINANCE, ProviderSandbox.KRAKEN}, fixedClock = "2026-03-04T05:06:07Z")
class ProviderSandboxExtensionTest {
  /** Binance's public order book, as Binance documents it (not the sandbox's route code). */
  static final Endpoint BINANCE_DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4)).build();

  @SandboxCredentials(ProviderSandbox.KRAKEN)
  ApiCredentials krakenField;

  @Test
  void servesTheChosenProvidersRoutes(ClientConfig config) {
    try (ApiClient api = ApiClient.builder(config).build()) {
      var book = api.execute(BINANCE_DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5").build(), JSON);

      assertThat(book.get("bids").size()).isEqualTo(5);
    }
  }

  @Test
  void injectsEachProvidersDemoCredentialsByQualifier(
      @SandboxCredentials(ProviderSandbox.BINANCE) ApiCredentials binance,
      @SandboxCredentials(ProviderSandbox.KRAKEN) ApiCredentials kraken) {
    assertThat(binance.apiKey()).isEqualTo(ProviderSandbox.BINANCE.demoCredentials().apiKey());
    assertThat(binance.keyType()).isEqualTo(KeyType.HMAC);
    assertThat(kraken.apiKey()).isEqualTo(ProviderSandbox.KRAKEN_API_KEY);
    assertThat(krakenField.apiKey()).isEqualTo(ProviderSandbox.KRAKEN_API_KEY);
  }

  @Test
  void theInjectedClockDrivesSandboxAndConfigAndMovesOnlyWhenTold(MutableClock clock, Clock sameClock, ClientConfig config) {
    assertThat(sameClock).isSameAs(clock);
    assertThat(config.clock()).isSameAs(clock);
    Instant before = clock.instant();

    clock.advance(Duration.ofMinutes(1));

    assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofMinutes(1)));
    assertThat(config.clock().instant()).isEqualTo(clock.instant());
  }
}
