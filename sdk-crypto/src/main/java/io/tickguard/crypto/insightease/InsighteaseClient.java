package io.tickguard.crypto.insightease;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MarketDataValidators;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.internal.DaemonExecutor;
import io.tickguard.crypto.internal.Requests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
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

  private final ApiClient api;
  private final MarketDataValidators validators;
  private final ExecutorService async;

  private InsighteaseClient(Builder b) {
    ClientConfig config = b.config != null ? b.config : ClientConfig.builder(DEFAULT_BASE_URL).build();
    this.api = ApiClient.builder(config).authenticator(b.authenticator).errorDecoder(InsighteaseEnvelope.INSTANCE).build();
    this.validators = MarketDataValidators.of(config.clock(), b.futureTolerance);
    this.async = DaemonExecutor.create("insightease");
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
    return async;
  }

  @Override
  public void close() {
    async.shutdown();
    api.close();
  }

  private static UnsupportedOperationException unsupported(String call) {
    return new UnsupportedOperationException("Insightease is a price vendor and offers no " + call);
  }

  /** Builds an {@link InsighteaseClient}. */
  public static final class Builder {
    private ClientConfig config;
    private RequestAuthenticator authenticator = RequestAuthenticator.anonymous();
    private Duration futureTolerance = MarketDataValidators.DEFAULT_FUTURE_TOLERANCE;

    private Builder() {}

    /** The connection settings; the default is {@link #DEFAULT_BASE_URL} with safe defaults. */
    public Builder config(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Shorthand for a default configuration at {@code baseUrl}. */
    public Builder baseUrl(String baseUrl) {
      return config(ClientConfig.builder(baseUrl).build());
    }

    /** Adds the {@code api_key} query parameter; every Insightease call needs one. */
    public Builder authenticator(RequestAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** How far in the future a response timestamp may be before it is refused. */
    public Builder futureTolerance(Duration tolerance) {
      this.futureTolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** Builds the client; it owns a connection pool and threads until closed. */
    public InsighteaseClient build() {
      return new InsighteaseClient(this);
    }
  }
}
