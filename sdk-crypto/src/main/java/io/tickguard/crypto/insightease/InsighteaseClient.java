package io.tickguard.crypto.insightease;

import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MarketDataClientBuilder;
import io.tickguard.crypto.MarketDataValidators;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.internal.ClientCore;
import io.tickguard.crypto.internal.Requests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Insightease crypto prices over the TickGuard pipeline. Every call needs the key, which an
 * authenticator adds as the {@code api_key} query parameter. Insightease is a price vendor: {@link
 * #orderBook}, {@link #recentTrades}, {@link #balances} and {@link #serverTime} throw {@link
 * UnsupportedOperationException}. Endpoint paths are unverified (see the package documentation).
 */
public final class InsighteaseClient implements CryptoMarketData {
  /** The production API (unverified). */
  public static final String DEFAULT_BASE_URL = "https://insightease.com/api";

  // Provisional until the credit quota preset lands (issue 6): one request per second.
  private static final LimitPreset PROVISIONAL_LIMITS = new LimitPreset(
      "insightease-provisional",
      List.of(RateLimit.fixedWindow("REQUESTS", 1, Duration.ofSeconds(1)).countingRequests().forEveryRequest()),
      List.of(),
      "provisional");

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;

  private InsighteaseClient(ClientCore core) {
    this.core = core;
    this.api = core.api();
    this.validators = core.validators();
  }

  /** Starts a client for the production API; give it an authenticator that adds {@code api_key}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Not offered: Insightease publishes no server-time endpoint. */
  @Override
  public Instant serverTime() {
    throw unsupported("serverTime");
  }

  @Override
  public List<Instrument> instruments() {
    return api.execute(InsighteaseEndpoints.LIST.request().query("type", "crypto").build(), InsighteaseDecoders.list());
  }

  @Override
  public Ticker ticker(Symbol symbol) {
    return tickers(symbol).get(0);
  }

  /** One call for all symbols; it costs one credit per 100 symbols. */
  @Override
  public List<Ticker> tickers(Symbol... symbols) {
    List<Symbol> asked = List.of(symbols);
    if (asked.isEmpty()) {
      return List.of();
    }
    String list = asked.stream().map(InsighteaseSymbolMapper.INSTANCE::toProvider).collect(Collectors.joining(","));
    return api.execute(InsighteaseEndpoints.LATEST.request().query("symbol", list).build(),
        InsighteaseDecoders.latest(asked), validators.tickers());
  }

  /** Not offered by a price vendor. */
  @Override
  public OrderBook orderBook(Symbol symbol, int depth) {
    throw unsupported("orderBook");
  }

  /** Not offered by a price vendor. */
  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    throw unsupported("recentTrades");
  }

  /** Costs one credit per 100 candles in the window. */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    if (!InsighteaseEndpoints.PERIODS.containsKey(interval.code()) || !interval.isKnown()) {
      throw new InvalidRequestException("interval", "Insightease has no candle period " + interval.code());
    }
    return api.execute(
        InsighteaseEndpoints.HISTORY.request()
            .query("symbol", InsighteaseSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol")))
            .query("period", interval.code())
            .query("from", String.valueOf(from.getEpochSecond()))
            .query("to", String.valueOf(to.getEpochSecond()))
            .build(),
        InsighteaseDecoders.history(interval), validators.candles(interval));
  }

  /** Not offered: Insightease has no trading account. */
  @Override
  public List<Balance> balances() {
    throw unsupported("balances");
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  @Override
  public void close() {
    core.close();
  }

  private static UnsupportedOperationException unsupported(String call) {
    return new UnsupportedOperationException("Insightease is a price vendor and offers no " + call);
  }

  /** Builds an {@link InsighteaseClient}. */
  public static final class Builder extends MarketDataClientBuilder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Builds the client; it owns a connection pool and threads until closed. */
    public InsighteaseClient build() {
      return new InsighteaseClient(ClientCore.open(
            "insightease", config(), DEFAULT_BASE_URL, throttle(), PROVISIONAL_LIMITS, futureTolerance(),
            api -> api.authenticator(authenticator()).errorDecoder(InsighteaseEnvelope.INSTANCE)));
    }
  }
}
