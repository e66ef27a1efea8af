package io.tickguard.crypto.kraken.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.crypto.stream.internal.FeedStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Kraken WebSocket v2 market streams ({@code wss://ws.kraken.com/v2}): every subscription on one
 * connection (Kraken documents no per-connection cap), books verified with Kraken's CRC32 after
 * every message using each instrument's precision (by default read once from REST {@code
 * AssetPairs} through the same client), a failed checksum resubscribing just that symbol. Get a
 * builder from {@code KrakenClient.streams()} or {@link #builder(ApiClient)}.
 */
public final class KrakenMarketStream {
  /** The production public v2 host. */
  public static final String DEFAULT_BASE_URL = "wss://ws.kraken.com";

  /** The v2 public endpoint. */
  public static final Endpoint STREAM = Endpoint.builder("v2", HttpMethod.GET, "/v2").build();

  private KrakenMarketStream() {}

  /** A builder opening connections on {@code api}. */
  public static Builder builder(ApiClient api) {
    return new Builder(api);
  }

  /** Builds a Kraken {@link MarketStream}. */
  public static final class Builder extends MarketStreamBuilder<Builder> {
    private final ApiClient api;
    private Function<Symbol, KrakenPrecision> precisions;
    private Supplier<List<Instrument>> instruments;
    private int depth = KrakenFeed.DEFAULT_DEPTH;

    private Builder(ApiClient api) {
      this.api = Objects.requireNonNull(api, "api");
    }

    /** The book depth to subscribe: 10 (default), 25, 100, 500 or 1000. */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    /** Each symbol's checksum precision, instead of reading it from the instruments. */
    public Builder precisions(Function<Symbol, KrakenPrecision> precisions) {
      this.precisions = Objects.requireNonNull(precisions, "precisions");
      return this;
    }

    /** Where instrument precisions come from (the client's {@code instruments()}), read once on first need. */
    public Builder instruments(Supplier<List<Instrument>> instruments) {
      this.instruments = Objects.requireNonNull(instruments, "instruments");
      return this;
    }

    @Override
    public MarketStream open() {
      Function<Symbol, KrakenPrecision> p = precisions != null ? precisions : fromInstruments(instruments);
      int d = depth;
      new KrakenFeed(p, d); // validates the depth before any connection
      return new FeedStream(api, () -> new KrakenFeed(p, d), protocol -> webSocket(STREAM, protocol, DEFAULT_BASE_URL)
          .heartbeat(Duration.ofSeconds(10), 3) // Kraken sends a heartbeat about every second when quiet
          .build(), listenerOrNull(), capacity(), backpressure());
    }

    private static Function<Symbol, KrakenPrecision> fromInstruments(Supplier<List<Instrument>> source) {
      if (source == null) {
        return s -> {
          throw new InvalidRequestException("precisions", "Kraken book checksums need each instrument's precision: give "
              + "precisions(...) or open the stream from KrakenClient.streams()");
        };
      }
      Map<Symbol, KrakenPrecision> cache = new ConcurrentHashMap<>();
      return symbol -> {
        if (cache.isEmpty()) {
          for (Instrument i : source.get()) {
            if (i.tickSize().isPresent() && i.lotSize().isPresent()) {
              cache.put(i.symbol(), new KrakenPrecision(decimals(i.tickSize().get()), decimals(i.lotSize().get())));
            }
          }
        }
        KrakenPrecision found = cache.get(symbol);
        if (found == null) {
          throw new InvalidRequestException("symbol", "Kraken lists no precision for " + symbol + "; check the pair");
        }
        return found;
      };
    }

    private static int decimals(BigDecimal step) {
      return Math.max(0, step.stripTrailingZeros().scale());
    }
  }
}
