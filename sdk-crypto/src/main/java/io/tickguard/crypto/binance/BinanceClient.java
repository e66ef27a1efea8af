package io.tickguard.crypto.binance;

import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.throttle.LimitPresets;
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
import io.tickguard.core.validate.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Executor;

/**
 * Binance spot market data over the TickGuard pipeline. Public data needs no credentials; {@link
 * #balances()} calls the signed {@code /api/v3/account} and needs an authenticator granting {@link
 * io.tickguard.core.auth.Scope#ACCOUNT_READ}.
 *
 * <pre>{@code
 * try (BinanceClient binance = BinanceClient.builder().build()) {
 *   Ticker t = binance.ticker(Symbol.of("BTC", "USDT"));
 * }
 * }</pre>
 */
public final class BinanceClient implements CryptoMarketData {
  /** The production spot API. */
  public static final String DEFAULT_BASE_URL = "https://api.binance.com";

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;

  private BinanceClient(ClientCore core) {
    this.core = core;
    this.api = core.api();
    this.validators = core.validators();
  }

  /** Starts a client for the production API with no credentials. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks connectivity; throws when Binance cannot be reached. */
  public void ping() {
    api.execute(BinanceEndpoints.PING.request().build(), r -> Boolean.TRUE);
  }

  @Override
  public Instant serverTime() {
    return api.execute(BinanceEndpoints.TIME.request().build(), BinanceDecoders.serverTime(), validators.serverTime());
  }

  @Override
  public List<Instrument> instruments() {
    return api.execute(BinanceEndpoints.EXCHANGE_INFO.request().build(), BinanceDecoders.exchangeInfo());
  }

  @Override
  public Ticker ticker(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return api.execute(
        BinanceEndpoints.TICKER_24HR.request().query("symbol", wire(symbol)).build(),
        BinanceDecoders.tickers(List.of(symbol)), validators.tickers()).get(0);
  }

  @Override
  public List<Ticker> tickers(Symbol... symbols) {
    List<Symbol> asked = List.of(symbols);
    if (asked.isEmpty()) {
      return List.of();
    }
    if (asked.size() == 1) {
      return List.of(ticker(asked.get(0)));
    }
    StringJoiner json = new StringJoiner(",", "[", "]");
    asked.forEach(s -> json.add('"' + wire(s) + '"'));
    return api.execute(
        BinanceEndpoints.TICKER_24HR.request().query("symbols", json.toString()).build(),
        BinanceDecoders.tickers(asked), validators.tickers());
  }

  /** {@code depth} is 1 to 5,000; the request weight rises at 101, 501 and 1,001. */
  @Override
  public OrderBook orderBook(Symbol symbol, int depth) {
    Requests.inRange(depth, 1, 5000, "depth");
    return api.execute(
        BinanceEndpoints.DEPTH.request().query("symbol", wire(symbol)).query("limit", String.valueOf(depth)).build(),
        BinanceDecoders.depth(symbol), validators.orderBook());
  }

  /** {@code limit} is 1 to 1,000. */
  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    Requests.inRange(limit, 1, 1000, "limit");
    return api.execute(
        BinanceEndpoints.TRADES.request().query("symbol", wire(symbol)).query("limit", String.valueOf(limit)).build(),
        BinanceDecoders.trades(), validators.trades());
  }

  /** At most 1,000 candles per call (Binance's cap); page by moving {@code from}. */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    if (!interval.isKnown()) {
      throw new InvalidRequestException("interval", "Binance has no candle interval " + interval.code());
    }
    Validator<List<Candle>> validator = validators.candles(interval);
    return api.execute(
        BinanceEndpoints.KLINES.request()
            .query("symbol", wire(symbol))
            .query("interval", interval.code())
            .query("startTime", String.valueOf(from.toEpochMilli()))
            .query("endTime", String.valueOf(to.toEpochMilli()))
            .query("limit", "1000")
            .build(),
        BinanceDecoders.klines(interval), validator);
  }

  @Override
  public List<Balance> balances() {
    return api.execute(BinanceEndpoints.ACCOUNT.request().build(), BinanceDecoders.account());
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  @Override
  public void close() {
    core.close();
  }

  private static String wire(Symbol symbol) {
    return BinanceSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol"));
  }

  /** Builds a {@link BinanceClient}. */
  public static final class Builder extends MarketDataClientBuilder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Builds the client; it owns a connection pool and threads until closed. */
    public BinanceClient build() {
      return new BinanceClient(ClientCore.open(
            "binance", config(), DEFAULT_BASE_URL, throttle(), LimitPresets.binanceSpot(), futureTolerance(),
            api -> api.authenticator(authenticator()).errorDecoder(BinanceErrorDecoder.INSTANCE)));
    }
  }
}
