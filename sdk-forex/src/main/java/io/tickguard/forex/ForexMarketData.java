package io.tickguard.forex;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Forex market data from one provider, in TickGuard's unified model. Implementations are
 * thread-safe, meant to be shared, and must be closed.
 *
 * <p>Every method either returns a fully valid value or throws a {@link
 * io.tickguard.core.TickGuardException} subclass; bad arguments are refused with an {@link
 * io.tickguard.core.InvalidRequestException} naming the field before anything is sent. A provider
 * that cannot serve a call throws {@link UnsupportedOperationException}. The {@code ...Async}
 * variants run the same call on {@link #asyncExecutor()}.
 */
public interface ForexMarketData extends AutoCloseable {

  /** The current quote of {@code pair}, stale-flagged by the client's maximum age. */
  Quote quote(CurrencyPair pair);

  /** The current quotes of {@code pairs}, in the order asked. */
  List<Quote> quotes(CurrencyPair... pairs);

  /** The candles of {@code pair} starting in {@code [from, to]}, oldest first. */
  List<FxCandle> candles(CurrencyPair pair, Granularity granularity, Instant from, Instant to);

  /** Every currency pair the provider quotes. */
  List<FxInstrument> instruments();

  /**
   * {@code amount} of {@code from} in {@code to}, rounded with {@code rounding}. The path (direct,
   * inverse or cross) and the prices used are in the result.
   */
  Conversion convert(BigDecimal amount, Currency from, Currency to, Rounding rounding);

  /** {@link #convert(BigDecimal, Currency, Currency, Rounding)} rounded to {@code to}'s minor units, half-even. */
  default Conversion convert(BigDecimal amount, Currency from, Currency to) {
    return convert(amount, from, to, Rounding.MINOR_UNITS);
  }

  /** Where the {@code ...Async} methods run; clients supply their own daemon pool. */
  default Executor asyncExecutor() {
    return ForkJoinPool.commonPool();
  }

  /** {@link #quote(CurrencyPair)} off the caller's thread. */
  default CompletableFuture<Quote> quoteAsync(CurrencyPair pair) {
    return CompletableFuture.supplyAsync(() -> quote(pair), asyncExecutor());
  }

  /** {@link #quotes(CurrencyPair...)} off the caller's thread. */
  default CompletableFuture<List<Quote>> quotesAsync(CurrencyPair... pairs) {
    CurrencyPair[] copy = pairs == null ? null : pairs.clone();
    return CompletableFuture.supplyAsync(() -> quotes(copy), asyncExecutor());
  }

  /** {@link #candles(CurrencyPair, Granularity, Instant, Instant)} off the caller's thread. */
  default CompletableFuture<List<FxCandle>> candlesAsync(
      CurrencyPair pair, Granularity granularity, Instant from, Instant to) {
    return CompletableFuture.supplyAsync(() -> candles(pair, granularity, from, to), asyncExecutor());
  }

  /** {@link #instruments()} off the caller's thread. */
  default CompletableFuture<List<FxInstrument>> instrumentsAsync() {
    return CompletableFuture.supplyAsync(this::instruments, asyncExecutor());
  }

  /** {@link #convert(BigDecimal, Currency, Currency, Rounding)} off the caller's thread. */
  default CompletableFuture<Conversion> convertAsync(BigDecimal amount, Currency from, Currency to, Rounding rounding) {
    return CompletableFuture.supplyAsync(() -> convert(amount, from, to, rounding), asyncExecutor());
  }

  /** {@link #convert(BigDecimal, Currency, Currency)} off the caller's thread. */
  default CompletableFuture<Conversion> convertAsync(BigDecimal amount, Currency from, Currency to) {
    return convertAsync(amount, from, to, Rounding.MINOR_UNITS);
  }

  /** Releases connections and threads. */
  @Override
  void close();
}
