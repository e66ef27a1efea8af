package io.tickguard.crypto.insightease;

import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.market.insightease.InsighteaseLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.LogCapture;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.insightease.InsighteaseRoutes;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimTicker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * InsighteaseClient against the sandbox's {@link InsighteaseRoutes} over pinned TLS: every {@code
 * CryptoMarketData} call it supports, a refused key (absent from messages and logs), the vendor's
 * credit limit, and the client-side credit budget refusing before anything is sent.
 */
class InsighteaseSandboxTest {
  static final String KEY = "ie-e2e-key-5d1f0a77c2";
  static final String WRONG_KEY = "ie-wrong-key-0c9b3e41";
  static final Symbol BTC = Symbol.of("BTC", "USDT");
  static final Symbol ETH = Symbol.of("ETH", "USDT");
  static final Instant NOW = Instant.parse("2026-03-02T10:00:10Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private SandboxServer sandbox;
  private InsighteaseRoutes routes;
  private InsighteaseClient client;

  private void start(long sandboxCredits) {
    start(new InsighteaseRoutes(sandboxCredits));
  }

  private void start(InsighteaseRoutes served) {
    routes = served;
    sandbox = SandboxServer.builder().clock(CLOCK).routes(routes).apiKey(KEY, "unused", Scope.MARKET_DATA).start();
  }

  private InsighteaseClient.Builder client(String key) {
    return InsighteaseClient.builder().config(sandbox.clientConfigBuilder().clock(CLOCK).build())
        .credentials(InsighteaseKeys.apiKey(key));
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void instrumentsAreTheCryptoListings() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    assertThat(client.instruments()).extracting(Instrument::symbol)
        .containsExactly(BTC, ETH, Symbol.of("SOL", "USDT"));
    assertThat(routes.creditsUsed(KEY)).isEqualTo(1);
  }

  @Test
  void tickersAreTheSimulatorsPricesInOneCallInTheOrderAsked() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    SimTicker sim = sandbox.market().ticker("BTC-USDT");
    Ticker btc = client.ticker(BTC);
    assertThat(btc.last()).isEqualByComparingTo(sim.last());
    assertThat(btc.bid()).isEqualByComparingTo(sim.bid());
    assertThat(btc.ask()).isEqualByComparingTo(sim.ask());
    assertThat(btc.high24h()).hasValueSatisfying(h -> assertThat(h).isEqualByComparingTo(sim.high24h()));
    assertThat(btc.time()).contains(NOW.minusMillis(NOW.toEpochMilli() % 1000));
    assertThat(client.tickers(ETH, BTC)).extracting(Ticker::symbol).containsExactly(ETH, BTC);
    assertThat(routes.creditsUsed(KEY)).isEqualTo(2);
  }

  @Test
  void lastPriceIsTheSimulatorsLastTradeForOneCredit() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    assertThat(client.lastPrice(BTC)).isEqualByComparingTo(sandbox.market().ticker("BTC-USDT").last());
    assertThat(routes.creditsUsed(KEY)).isEqualTo(1);
  }

  @Test
  void lastPriceWorksOnAPlanWithoutBidAndAskWhereTheTickerCannot() {
    start(new InsighteaseRoutes(InsighteaseRoutes.BASIC_MONTHLY_CREDITS, false));
    client = client(KEY).throttle(Throttle.unlimited()).build();
    assertThat(client.lastPrice(ETH)).isEqualByComparingTo(sandbox.market().ticker("ETH-USDT").last());
    assertThatThrownBy(() -> client.ticker(ETH))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response[0].b"));
  }

  @Test
  void candlesAreTheSimulatorsWithinTheWindowOldestFirst() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    Instant from = Instant.parse("2026-03-02T05:00:00Z");
    List<Candle> candles = client.candles(BTC, Interval.ONE_HOUR, from, Instant.parse("2026-03-02T08:00:00Z"));
    List<SimCandle> sim = sandbox.market().candles("BTC-USDT", CandleInterval.H1, 6).subList(0, 4);
    assertThat(candles).extracting(Candle::openTime).containsExactly(from, from.plusSeconds(3600),
        from.plusSeconds(7200), from.plusSeconds(10800));
    assertThat(candles).extracting(Candle::openTime).containsExactlyElementsOf(
        sim.stream().map(SimCandle::openTime).collect(Collectors.toList()));
    for (int i = 0; i < 4; i++) {
      assertThat(candles.get(i).close()).isEqualByComparingTo(sim.get(i).close());
      assertThat(candles.get(i).volume()).isEqualByComparingTo(sim.get(i).volume());
    }
  }

  @Test
  void callsAPriceVendorCannotAnswerThrowUnsupportedAndSendNothing() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    assertThatThrownBy(() -> client.orderBook(BTC, 10)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.recentTrades(BTC, 10)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.balances()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.serverTime()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(routes.creditsUsed(KEY)).isZero();
  }

  @Test
  void anUnknownSymbolIsAnInvalidRequestOnSymbol() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    assertThatThrownBy(() -> client.ticker(Symbol.of("NOPE", "USDT")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.providerCode()).contains(Integer.toString(InsighteaseRoutes.CODE_SYMBOL_NOT_FOUND));
        });
  }

  @Test
  void aRejectedKeyIsAnAuthenticationFailureAndTheKeyIsInNoMessageNorLogLine() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(WRONG_KEY).throttle(Throttle.unlimited()).build();
    try (LogCapture logs = new LogCapture()) {
      assertThatThrownBy(() -> client.instruments())
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.providerCode()).contains(Integer.toString(InsighteaseRoutes.CODE_INVALID_KEY));
            assertThat(e.httpStatus()).contains(200);
            assertThat(stackTrace(e)).doesNotContain(WRONG_KEY);
            assertThat(e.details().toString()).doesNotContain(WRONG_KEY);
          });
      assertThat(logs.text()).as("the audit log saw the call").contains("/forex/list");
      assertThat(logs.text()).doesNotContain(WRONG_KEY);
    }
    assertThat(client.toString()).doesNotContain(WRONG_KEY);
    assertThat(client(WRONG_KEY).toString()).doesNotContain(WRONG_KEY);
  }

  @Test
  void theKeyIsInNoLogLineOfASuccessfulCallNorInATransportFailure() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    try (LogCapture logs = new LogCapture()) {
      client.ticker(BTC);
      sandbox.close();
      assertThatThrownBy(() -> client.instruments())
          .isInstanceOfSatisfying(TickGuardException.class, e -> assertThat(stackTrace(e)).doesNotContain(KEY));
      assertThat(logs.text()).contains("/forex/latest").contains("/forex/list").doesNotContain(KEY);
    }
  }

  @Test
  void theVendorsCreditLimitIsARateLimitOnCredits() {
    start(2);
    client = client(KEY).throttle(Throttle.unlimited()).build();
    client.instruments();
    client.ticker(BTC);
    assertThatThrownBy(() -> client.ticker(ETH))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isFalse();
          assertThat(e.window()).isEqualTo(InsighteaseLimits.CREDITS);
          assertThat(e.providerCode()).contains(Integer.toString(InsighteaseRoutes.CODE_CREDITS_EXHAUSTED));
          assertThat(stackTrace(e)).doesNotContain(KEY);
        });
    assertThat(routes.creditsUsed(KEY)).isEqualTo(2);
  }

  @Test
  void theClientsCreditBudgetRefusesBeforeSending() {
    start(InsighteaseRoutes.BASIC_MONTHLY_CREDITS);
    client = client(KEY).monthlyCredits(3).build(); // no throttle given: the plan's credit preset applies
    // A day of 1-minute candles may be 1,440 records: 15 credits, more than the plan holds.
    assertThatThrownBy(() -> client.candles(BTC, Interval.ONE_MINUTE, NOW.minusSeconds(3600), NOW))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.window()).startsWith("CREDITS/");
        });
    assertThat(routes.creditsUsed(KEY)).as("nothing was sent").isZero();
    client.instruments();
    client.tickers(BTC, ETH);
    client.ticker(BTC);
    assertThat(routes.creditsUsed(KEY)).isEqualTo(3);
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
    assertThat(routes.creditsUsed(KEY)).as("the refused call was not sent").isEqualTo(3);
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
