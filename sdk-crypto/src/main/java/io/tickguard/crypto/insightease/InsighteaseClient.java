package io.tickguard.crypto.insightease;

import io.tickguard.crypto.insightease.internal.InsighteaseDecoders;
import io.tickguard.crypto.insightease.internal.InsighteaseEndpoints;
import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.market.insightease.InsighteaseClientBuilder;
import io.tickguard.market.insightease.internal.InsighteaseTransport;
import io.tickguard.crypto.MarketDataValidators;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.market.internal.ClientCore;
import io.tickguard.market.internal.Requests;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.market.insightease.InsighteaseLimits;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Insightease crypto prices over the TickGuard pipeline. Every call needs the key ({@link
 * InsighteaseKeys#apiKey(Secret)} given to {@link Builder#credentials(ApiCredentials)}), sent as the {@code api_key} query parameter and redacted from logs and
 * exception messages. Insightease is a price vendor: {@link #orderBook}, {@link #recentTrades},
 * {@link #balances} and {@link #serverTime} throw {@link UnsupportedOperationException}.
 *
 * <pre>{@code
 * try (InsighteaseClient ie = InsighteaseClient.builder()
 *     .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_KEY")))
 *     .monthlyCredits(10_000).build()) {
 *   List<Ticker> prices = ie.tickers(Symbol.of("BTC", "USD"), Symbol.of("ETH", "USD"));
 * }
 * }</pre>
 *
 * <p>Unless a throttle is given, calls count against {@link InsighteaseLimits#credits} for the
 * plan's monthly credits, so the client refuses a call the plan cannot pay for before sending it.
 */
public final class InsighteaseClient implements CryptoMarketData {
  /** The production API, as the vendor's own client libraries call it. */
  public static final String DEFAULT_BASE_URL = "https://api.insightease.com";

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;
  private final InsighteaseEnvelope envelope;

  private InsighteaseClient(ClientCore core, InsighteaseEnvelope envelope) {
    this.core = core;
    this.api = core.api();
    this.validators = MarketDataValidators.on(core.timestamps());
    this.envelope = envelope;
  }

  /** Starts a client for the production API; set the key with {@link Builder#credentials(ApiCredentials)}. */
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
    return api.execute(InsighteaseEndpoints.LIST.request().query("type", "crypto").build(), InsighteaseDecoders.list(envelope));
  }

  @Override
  public Ticker ticker(Symbol symbol) {
    return tickers(symbol).get(0);
  }

  /**
   * The current price ({@code c}) of {@code symbol} from {@code latest} for that one symbol: one
   * credit, the vendor's cheapest price call. Unlike {@link #ticker(Symbol)} it needs no bid and ask,
   * so it works on plans that do not include them.
   */
  @Override
  public BigDecimal lastPrice(Symbol symbol) {
    String wire = InsighteaseSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol"));
    return api.execute(InsighteaseEndpoints.LATEST.request().query("symbol", wire).build(),
        InsighteaseDecoders.lastPrice(envelope, symbol));
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
        InsighteaseDecoders.latest(envelope, asked), validators.tickers());
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

  /**
   * Candles opening within {@code [from, to]}: the history of the UTC days {@code from} to {@code
   * to}, filtered to the window. Budgeted at one credit per 100 candles those days can hold.
   */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    Objects.requireNonNull(interval, "interval");
    if (!InsighteaseEndpoints.PERIODS.containsKey(interval.code()) || !interval.isKnown()) {
      throw new InvalidRequestException("interval", "Insightease has no candle period " + interval.code());
    }
    return api.execute(
        InsighteaseEndpoints.HISTORY.request()
            .query("symbol", InsighteaseSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol")))
            .query("period", interval.code())
            .query("from", LocalDate.ofInstant(from, ZoneOffset.UTC).toString())
            .query("to", LocalDate.ofInstant(to, ZoneOffset.UTC).toString())
            .build(),
        InsighteaseDecoders.history(envelope, interval, from, to), validators.candles(interval));
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

  /**
   * Builds an {@link InsighteaseClient}: the key with {@link #credentials(ApiCredentials)} of {@link
   * InsighteaseKeys#apiKey(Secret)} (or a custom {@link #authenticator}), the plan with {@link
   * #monthlyCredits(long)}.
   */
  public static final class Builder extends InsighteaseClientBuilder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the client; it owns a connection pool and threads until closed.
     *
     * @throws InvalidRequestException on {@code credentials} when both credentials and a custom
     *     authenticator were given
     */
    public InsighteaseClient build() {
      ClientConfig config = config(DEFAULT_BASE_URL);
      InsighteaseTransport transport = InsighteaseTransport.open("insightease", config, chosenThrottle(config),
          futureTolerance(), monthlyCredits(), credentials(), this::resolveAuthenticator,
          "Give the key with InsighteaseClient.builder().credentials(InsighteaseKeys.apiKey(secret)).");
      return new InsighteaseClient(transport.core(), transport.envelope());
    }

    /** Shows the plan and whether a key is set; never the key. */
    @Override
    public String toString() {
      return describe("InsighteaseClient");
    }
  }
}
