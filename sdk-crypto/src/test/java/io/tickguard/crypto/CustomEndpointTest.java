package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.binance.BinanceAuth;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 13: endpoints TickGuard does not wrap run through a provider client's whole
 * pipeline (guard, throttle with the endpoint's weight, signing, decode), the provider's
 * authenticator is public, and a parameter may repeat where the endpoint declares it.
 */
class CustomEndpointTest {
  static final String KEY = "custom-endpoint-key";
  static final String SECRET = "custom-endpoint-secret-not-printed";

  /** Binance's account endpoint, declared by the user as for any endpoint TickGuard does not wrap. */
  static final Endpoint MY_ACCOUNT = Endpoint.builder("myAccount", HttpMethod.GET, "/api/v3/account")
      .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ).weight(20).limits("REQUEST_WEIGHT").build();
  static final Endpoint MY_TIME = Endpoint.builder("myTime", HttpMethod.GET, "/api/v3/time")
      .weight(5).limits("REQUEST_WEIGHT").build();
  static final Endpoint UNCOUNTED = Endpoint.builder("uncounted", HttpMethod.GET, "/api/v3/time").build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final AtomicInteger attempts = new AtomicInteger();
  private SandboxServer sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private ClientConfig.Builder config() {
    return sandbox.clientConfigBuilder().clock(clock).metrics(new MetricsListener() {
      @Override
      public void onAttempt(AttemptEvent event) {
        attempts.incrementAndGet();
      }
    });
  }

  private void startBinance() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new BinanceRoutes())
        .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ).start();
  }

  private static ApiCredentials credentials() {
    return ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray()));
  }

  @Test
  void binanceClientSignsAUserDefinedEndpointAndChargesItsWeightToTheThrottle() {
    startBinance();
    // 30 weight per minute: the 20-weight account call fits once, then only a 5-weight call fits.
    Throttle tight = InProcessThrottle.builder("tight")
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 30, Duration.ofMinutes(1))).clock(clock).build();
    try (BinanceClient binance = BinanceClient.builder().config(config().build()).throttle(tight)
        .credentials(credentials()).build()) {
      JsonNode account = binance.call(MY_ACCOUNT.request().build(), ApiResponse::json);
      assertThat(account.has("balances")).isTrue(); // the sandbox verified the signature
      assertThat(binance.call(MY_TIME.request().build(), ApiResponse::json).has("serverTime")).isTrue();
      assertThatThrownBy(() -> binance.call(MY_ACCOUNT.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.clientSide()).as("refused by the client's throttle, never sent").isTrue());
    }
  }

  @Test
  void endpointCountingAgainstNoLimitGroupOfTheClientIsRefusedBeforeSending() {
    startBinance();
    try (BinanceClient binance = BinanceClient.builder().config(config().build()).build()) {
      assertThatThrownBy(() -> binance.call(UNCOUNTED.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("limits"))
          .hasMessageContaining("REQUEST_WEIGHT");
    }
    assertThat(attempts).hasValue(0);
  }

  @Test
  void publicBinanceAuthenticatorSignsForAPlainApiClient() {
    startBinance();
    try (ApiClient api = ApiClient.builder(config().build())
        .authenticator(BinanceAuth.hmac(credentials(), clock)).build()) {
      assertThat(api.execute(MY_ACCOUNT.request().build(), ApiResponse::json).has("balances")).isTrue();
    }
    assertThatThrownBy(() -> BinanceAuth.ed25519(credentials(), clock))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
  }

  @Test
  void coinbaseProductIdsRepeatWhereTheEndpointDeclaresThemRepeatable() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new CoinbaseRoutes()).start();
    Endpoint products = Endpoint.builder("products", HttpMethod.GET, "/api/v3/brokerage/market/products")
        .limits("PUBLIC").query(ParamSpec.repeatable("product_ids", ParamSpec.SYMBOL, 20, 3)).build();
    try (CoinbaseClient coinbase = CoinbaseClient.builder().config(config().build()).build()) {
      JsonNode answer = coinbase.call(products.request().query("product_ids", "BTC-USDT").query("product_ids", "ETH-USDT")
          .build(), ApiResponse::json);
      List<String> ids = new ArrayList<>();
      answer.get("products").forEach(p -> ids.add(p.get("product_id").asString()));
      assertThat(ids).containsExactlyInAnyOrder("BTC-USDT", "ETH-USDT");
      int sent = attempts.get();
      assertThatThrownBy(() -> coinbase.call(products.request().query("product_ids", "BTC-USDT")
          .query("product_ids", "ETH-USDT").query("product_ids", "SOL-USDT").query("product_ids", "BTC-USD").build(),
          ApiResponse::json))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("product_ids"))
          .hasMessageContaining("at most 3 times");
      assertThat(attempts).hasValue(sent);
    }
  }
}
