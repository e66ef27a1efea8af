package io.tickguard.crypto;

import java.time.Instant;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Crypto market data from one provider, in TickGuard's unified model. Implementations are
 * thread-safe, meant to be shared, and must be closed.
 *
 * <p>Every method either returns a fully valid value or throws a {@link
 * io.tickguard.core.TickGuardException} subclass. A provider that does not offer a call throws
 * {@link UnsupportedOperationException}. The {@code ...Async} variants run the same call on {@link
 * #asyncExecutor()}.
 */
public interface CryptoMarketData extends AutoCloseable {

  /** The provider's clock; compare it with yours before signing. */
  Instant serverTime();

  /** Every instrument the provider lists, with its trading rules. */
  List<Instrument> instruments();

  /** The ticker of {@code symbol}. */
  Ticker ticker(Symbol symbol);

  /**
   * The last traded price of {@code symbol}: what a bot polling for a price needs, from the
   * provider's lightest call that has it (Binance: {@code /api/v3/ticker/price}, weight 2; Kraken:
   * {@code Ticker} for the one pair; Coinbase: the public {@code market/products/{id}/ticker} with
   * {@code limit=1}; Insightease: {@code latest} for the one symbol). Only the price and the symbol
   * it belongs to are read. This default, for an implementation without such a call, answers from
   * {@link #ticker(Symbol)}.
   */
  default BigDecimal lastPrice(Symbol symbol) {
    return ticker(symbol).last();
  }

  /** The tickers of {@code symbols}, in the order asked. */
  List<Ticker> tickers(Symbol... symbols);

  /** The top {@code depth} levels per side of {@code symbol}'s book. */
  OrderBook orderBook(Symbol symbol, int depth);

  /** Up to {@code limit} most recent public trades of {@code symbol}, oldest first. */
  List<Trade> recentTrades(Symbol symbol, int limit);

  /** The candles of {@code symbol} opening in {@code [from, to]}, oldest first. */
  List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to);

  /**
   * The account's balances. Signed: the client needs credentials granting {@link
   * io.tickguard.core.auth.Scope#ACCOUNT_READ}; without them nothing is sent.
   */
  List<Balance> balances();

  /** Where the {@code ...Async} methods run; clients supply their own daemon pool. */
  default Executor asyncExecutor() {
    return ForkJoinPool.commonPool();
  }

  /** {@link #serverTime()} off the caller's thread. */
  default CompletableFuture<Instant> serverTimeAsync() {
    return CompletableFuture.supplyAsync(this::serverTime, asyncExecutor());
  }

  /** {@link #instruments()} off the caller's thread. */
  default CompletableFuture<List<Instrument>> instrumentsAsync() {
    return CompletableFuture.supplyAsync(this::instruments, asyncExecutor());
  }

  /** {@link #ticker(Symbol)} off the caller's thread. */
  default CompletableFuture<Ticker> tickerAsync(Symbol symbol) {
    return CompletableFuture.supplyAsync(() -> ticker(symbol), asyncExecutor());
  }

  /** {@link #tickers(Symbol...)} off the caller's thread. */
  default CompletableFuture<List<Ticker>> tickersAsync(Symbol... symbols) {
    Symbol[] copy = symbols.clone();
    return CompletableFuture.supplyAsync(() -> tickers(copy), asyncExecutor());
  }

  /** {@link #orderBook(Symbol, int)} off the caller's thread. */
  default CompletableFuture<OrderBook> orderBookAsync(Symbol symbol, int depth) {
    return CompletableFuture.supplyAsync(() -> orderBook(symbol, depth), asyncExecutor());
  }

  /** {@link #recentTrades(Symbol, int)} off the caller's thread. */
  default CompletableFuture<List<Trade>> recentTradesAsync(Symbol symbol, int limit) {
    return CompletableFuture.supplyAsync(() -> recentTrades(symbol, limit), asyncExecutor());
  }

  /** {@link #candles(Symbol, Interval, Instant, Instant)} off the caller's thread. */
  default CompletableFuture<List<Candle>> candlesAsync(Symbol symbol, Interval interval, Instant from, Instant to) {
    return CompletableFuture.supplyAsync(() -> candles(symbol, interval, from, to), asyncExecutor());
  }

  /** {@link #balances()} off the caller's thread. */
  default CompletableFuture<List<Balance>> balancesAsync() {
    return CompletableFuture.supplyAsync(this::balances, asyncExecutor());
  }

  /** Releases connections and threads. */
  @Override
  void close();
}
