package io.tickguard.crypto.kraken;

import io.tickguard.crypto.kraken.internal.KrakenEndpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.Endpoint;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.FakeAuthenticator;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kraken's error strings (inside HTTP 200, per docs.kraken.com "Spot REST Introduction" and the API
 * error-message guide) as typed exceptions, and the default throttle's limit groups and tier.
 */
class KrakenErrorsAndLimitsTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final List<Endpoint> ENDPOINTS = List.of(KrakenEndpoints.TIME, KrakenEndpoints.ASSET_PAIRS,
      KrakenEndpoints.TICKER, KrakenEndpoints.DEPTH, KrakenEndpoints.TRADES, KrakenEndpoints.OHLC, KrakenEndpoints.BALANCE);

  private MockApi server;
  private KrakenClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    // One attempt: these tests map single answers (an EService:Unavailable is retried by default).
    client = KrakenClient.builder()
        .config(server.config().newBuilder().resilience(io.tickguard.core.resilience.ResiliencePolicy.none()).build())
        .throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void kraken(String error) {
    server.json(200, "{\"error\":[\"" + error + "\"],\"result\":{}}");
  }

  private TickGuardException privateFailure(String error) {
    kraken(error);
    try {
      client.balances();
    } catch (TickGuardException e) {
      return e;
    }
    throw new AssertionError("balances() returned data for " + error);
  }

  private TickGuardException publicFailure(String error) {
    kraken(error);
    try {
      client.ticker(BTC_USD);
    } catch (TickGuardException e) {
      return e;
    }
    throw new AssertionError("ticker() returned data for " + error);
  }

  @Test
  void keySignatureAndNonceErrorsAreAuthenticationFailures() {
    for (String error : List.of("EAPI:Invalid key", "EAPI:Invalid signature", "EAPI:Invalid nonce")) {
      assertThat(privateFailure(error)).as(error).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.providerCode()).contains(error);
        assertThat(e.httpStatus()).contains(200);
      });
    }
  }

  @Test
  void counterLimitIsAProviderRateLimitOnTheApiCounter() {
    assertThat(privateFailure("EAPI:Rate limit exceeded")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.clientSide()).isFalse();
      assertThat(e.banned()).isFalse();
      assertThat(e.window()).isEqualTo(KrakenEndpoints.API_COUNTER);
      assertThat(e.providerCode()).contains("EAPI:Rate limit exceeded");
    });
  }

  @Test
  void publicTooManyRequestsIsARateLimitOnThePublicGroup() {
    assertThat(publicFailure("EGeneral:Too many requests")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.clientSide()).isFalse();
      assertThat(e.window()).isEqualTo(KrakenEndpoints.PUBLIC);
    });
  }

  @Test
  void temporaryLockoutIsABan() {
    assertThat(privateFailure("EGeneral:Temporary lockout"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.banned()).isTrue());
  }

  @Test
  void unknownPairNamesThePairField() {
    assertThat(publicFailure("EQuery:Unknown asset pair"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("pair"));
  }

  @Test
  void serviceUnavailableOrBusyIsARetryableServiceError() {
    for (String error : List.of("EService:Unavailable", "EService:Busy", "EService:Deadline elapsed")) {
      assertThat(publicFailure(error)).as(error).isInstanceOfSatisfying(KrakenServiceUnavailableException.class, e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.providerCode()).contains(error);
      });
    }
  }

  @Test
  void otherErrorsAreProviderErrorsThatAreNotRetryable() {
    assertThat(publicFailure("EGeneral:Internal error"))
        .isExactlyInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(e.providerCode()).contains("EGeneral:Internal error"));
  }

  @Test
  void streamedDecodersReportTheErrorToo() {
    kraken("EService:Busy");
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 10)).isInstanceOf(KrakenServiceUnavailableException.class);
    kraken("EGeneral:Too many requests");
    assertThatThrownBy(() -> client.recentTrades(BTC_USD, 10)).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void anErrorNextToAResultIsStillAnErrorNotData() {
    server.json(200, "{\"error\":[\"EAPI:Rate limit exceeded\"],\"result\":{\"XXBT\":\"1.0\"}}");
    assertThatThrownBy(client::balances).isInstanceOf(RateLimitedException.class);
    server.json(200, "{\"result\":{\"XXBTZUSD\":{\"asks\":[],\"bids\":[]}},\"error\":[\"EService:Unavailable\"]}");
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 10)).isInstanceOf(KrakenServiceUnavailableException.class);
  }

  @Test
  void asyncCallsFailWithTheSameTypedException() {
    kraken("EService:Unavailable");
    assertThatThrownBy(() -> client.tickerAsync(BTC_USD).join())
        .isInstanceOf(CompletionException.class)
        .satisfies(e -> assertThat(ApiClient.unwrap(e)).isInstanceOf(KrakenServiceUnavailableException.class));
  }

  @Test
  void everyEndpointCountsAgainstALimitOfThePreset() {
    for (KrakenTier tier : KrakenTier.values()) {
      Set<String> groups = KrakenLimits.spot(tier).limits().stream().map(RateLimit::group).collect(Collectors.toSet());
      for (Endpoint e : ENDPOINTS) {
        assertThat(e.limits()).as(e.name()).isNotEmpty();
        assertThat(groups).as(tier + " " + e.name()).containsAll(e.limits());
      }
    }
    assertThat(KrakenEndpoints.BALANCE.limits()).containsExactly("API_COUNTER");
    assertThat(KrakenEndpoints.TICKER.limits()).containsExactly("PUBLIC");
  }

  private int signedCallsBeforeTheThrottleRefuses(KrakenClient c, int max) {
    for (int i = 0; i < max; i++) {
      server.json(200, "{\"error\":[],\"result\":{}}");
    }
    for (int i = 0; i < max; i++) {
      try {
        c.balances();
      } catch (RateLimitedException e) {
        assertThat(e.clientSide()).isTrue();
        assertThat(e.window()).startsWith("API_COUNTER");
        return i;
      }
    }
    return max;
  }

  @Test
  void defaultThrottleIsTheStarterCounterOnBalance() {
    // The config clock is frozen: the counter never decays, so the 16th call would wait ~3 s (> maxWait).
    try (KrakenClient starter = KrakenClient.builder().config(server.config()).authenticator(new FakeAuthenticator()).build()) {
      assertThat(signedCallsBeforeTheThrottleRefuses(starter, 16)).isEqualTo(15);
    }
    assertThat(server.requestCount()).isEqualTo(15);
  }

  @Test
  void tierRaisesTheCounterMaximum() {
    try (KrakenClient intermediate = KrakenClient.builder().config(server.config()).tier(KrakenTier.INTERMEDIATE)
        .authenticator(new FakeAuthenticator()).build()) {
      assertThat(signedCallsBeforeTheThrottleRefuses(intermediate, 20)).isEqualTo(20);
    }
    assertThat(server.requestCount()).isEqualTo(20);
  }
}
