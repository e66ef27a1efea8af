package io.tickguard.benchmarks;

import io.tickguard.benchmarks.decode.BinanceDepthDecoder;
import io.tickguard.benchmarks.decode.BinanceKlinesDecoder;
import io.tickguard.benchmarks.decode.CandleBar;
import io.tickguard.benchmarks.decode.OrderBookSnapshot;
import io.tickguard.benchmarks.fixture.MarketPayloads;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Response decoding without I/O: TickGuard's typed, validated decode of a 5,000-level order book
 * (5,000 bids and 5,000 asks, Binance {@code depth?limit=5000}) and of 1,000 candles, against
 * building a plain Jackson tree from the same bytes, which is what a raw client does before it has
 * read a single number.
 *
 * <p>The typed decoders are the benchmark module's scaffolding (see {@code decode/package-info})
 * until sdk-crypto's provider decoders are merged.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {
  private final JsonMapper rawMapper = JsonMapper.builder().build();
  private byte[] book;
  private byte[] candles;

  @Setup
  public void generate() {
    book = MarketPayloads.orderBook(5000);
    candles = MarketPayloads.candles(1000);
  }

  @Benchmark
  public OrderBookSnapshot orderBook5000TickGuard() {
    return BinanceDepthDecoder.INSTANCE.decode(book);
  }

  @Benchmark
  public JsonNode orderBook5000Raw() {
    return rawMapper.readTree(book);
  }

  @Benchmark
  public List<CandleBar> candles1000TickGuard() {
    return BinanceKlinesDecoder.INSTANCE.decode(candles);
  }

  @Benchmark
  public JsonNode candles1000Raw() {
    return rawMapper.readTree(candles);
  }
}
