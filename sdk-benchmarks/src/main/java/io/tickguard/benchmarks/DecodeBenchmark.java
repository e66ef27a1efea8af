package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.MarketPayloads;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.internal.BufferedApiResponse;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.validate.Validator;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MarketDataValidators;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.internal.BinanceEndpoints;
import io.tickguard.crypto.binance.internal.BinanceDecoders;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// Deliberate internal use: this benchmark measures the client's own decoders on recorded bytes,
// which no public API exposes (they are wiring, in io.tickguard.crypto.binance.internal). It is not
// published; if the decoders change, this benchmark changes with them.
/**
 * Response decoding without I/O: sdk-crypto's typed Binance decode of a 5,000-level order book
 * (5,000 bids and 5,000 asks, {@code depth?limit=5000}) and of 1,000 candles, followed by the same
 * market validators {@code BinanceClient} runs, against building a plain Jackson tree from the same
 * bytes, which is what a raw client does before it has read a single number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  private final JsonMapper rawMapper = JsonMapper.builder().build();
  private final MarketDataValidators validators = MarketDataValidators.of(Clock.systemUTC(), MarketDataValidators.DEFAULT_FUTURE_TOLERANCE);
  private final ResponseDecoder<OrderBook> depthDecoder = BinanceDecoders.depth(BTC_USDT, 5000);
  private final ResponseDecoder<List<Candle>> klinesDecoder = BinanceDecoders.klines(Interval.ONE_MINUTE, 1000);
  private final Validator<OrderBook> bookValidator = validators.orderBook();
  private final Validator<List<Candle>> candleValidator = validators.candles(Interval.ONE_MINUTE);
  private ApiRequest depthRequest;
  private ApiRequest klinesRequest;
  private byte[] book;
  private byte[] candles;

  /** Generates the payloads once; every invocation decodes the same bytes. */
  @Setup
  public void generate() {
    book = MarketPayloads.orderBook(5000);
    candles = MarketPayloads.candles(1000);
    depthRequest = BinanceEndpoints.DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5000").build();
    klinesRequest = BinanceEndpoints.KLINES.request().query("symbol", "BTCUSDT").query("interval", "1m").build();
  }

  /** Typed streaming decode plus validation (sorted, uncrossed, positive sizes). */
  @Benchmark
  public OrderBook orderBook5000TickGuard() {
    OrderBook decoded = depthDecoder.decode(response(depthRequest, book));
    bookValidator.validate(decoded);
    return decoded;
  }

  /** A Jackson tree of the same bytes, no number read yet. */
  @Benchmark
  public JsonNode orderBook5000Raw() {
    return rawMapper.readTree(book);
  }

  /** Typed streaming decode plus validation (OHLC consistency, interval spacing, not in the future). */
  @Benchmark
  public List<Candle> candles1000TickGuard() {
    List<Candle> decoded = klinesDecoder.decode(response(klinesRequest, candles));
    candleValidator.validate(decoded);
    return decoded;
  }

  /** A Jackson tree of the same bytes. */
  @Benchmark
  public JsonNode candles1000Raw() {
    return rawMapper.readTree(candles);
  }

  private static ApiResponse response(ApiRequest request, byte[] body) {
    return new BufferedApiResponse(request, 200, Headers.EMPTY, body, "application/json", Clock.systemUTC());
  }
}
