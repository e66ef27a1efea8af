package io.tickguard.crypto.kraken.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Symbol;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.crypto.kraken.KrakenWsToken;
import io.tickguard.crypto.kraken.stream.internal.KrakenFeed;
import io.tickguard.crypto.kraken.stream.internal.KrakenTokenSource;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.internal.FeedProtocol;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.crypto.stream.internal.FeedStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
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
 *
 * <p>{@link StreamChannel#ORDERS} subscribes the authenticated {@code level3} channel on separate
 * connections to {@link #DEFAULT_LEVEL3_BASE_URL} (up to 200 symbols each): every subscribe carries
 * a WebSocket token from REST {@code GetWebSocketsToken}, fetched on first need, cached, fetched
 * again when it could no longer establish a connection on the stream's clock (Kraken allows 15
 * minutes) and after Kraken refused it; orders are verified with {@link
 * io.tickguard.crypto.book.KrakenChecksum#level3} after every message.
 */
public final class KrakenMarketStream {
  /** The production public v2 host. */
  public static final String DEFAULT_BASE_URL = "wss://ws.kraken.com";

  /** The v2 host of the authenticated {@code level3} channel. */
  public static final String DEFAULT_LEVEL3_BASE_URL = "wss://ws-l3.kraken.com";

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
    private int level3Depth = 10;
    private String level3BaseUrl;
    private Supplier<KrakenWsToken> tokens;

    private Builder(ApiClient api) {
      this.api = Objects.requireNonNull(api, "api");
    }

    /** The book depth to subscribe: 10 (default), 25, 100, 500 or 1000. */
    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    /** The price levels of {@link StreamChannel#ORDERS} (level 3) books: 10 (default), 100 or 1000. */
    public Builder level3Depth(int depth) {
      this.level3Depth = depth;
      return this;
    }

    /**
     * The host of the authenticated {@code level3} channel ({@link #DEFAULT_LEVEL3_BASE_URL} unless
     * {@code baseUrl} was given, which then serves both).
     */
    public Builder level3BaseUrl(String url) {
      this.level3BaseUrl = Objects.requireNonNull(url, "level3BaseUrl");
      return this;
    }

    /**
     * Where {@link StreamChannel#ORDERS} subscriptions get WebSocket tokens ({@code
     * KrakenClient::webSocketToken}, which {@code KrakenClient.streams()} sets); asked on first need,
     * when the cached token is too old to establish a connection, and after Kraken refused it.
     */
    public Builder tokens(Supplier<KrakenWsToken> tokens) {
      this.tokens = Objects.requireNonNull(tokens, "tokens");
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
      int l3 = level3Depth;
      new KrakenFeed(p, d); // validates the depths before any connection
      Supplier<KrakenWsToken> fetch = tokens != null ? tokens : () -> {
        throw new InvalidRequestException("tokens", "Kraken's level3 channel needs a WebSocket token: open the stream"
            + " from KrakenClient.streams() of a client built with credentials, or give tokens(...)");
      };
      KrakenTokenSource source = new KrakenTokenSource(fetch, clockOrNull() != null ? clockOrNull() : api.config().clock());
      new KrakenFeed(source, l3);
      String l3Host = level3BaseUrl;
      return new FeedStream(api, EnumSet.allOf(StreamChannel.class),
          first -> first.channel() == StreamChannel.ORDERS ? new KrakenFeed(source, l3) : new KrakenFeed(p, d),
          protocol -> spec(protocol, source, l3Host), listenerOrNull(), capacity(), backpressure());
    }

    private StreamSpec<MarketEvent> spec(FeedProtocol protocol, KrakenTokenSource source, String l3Host) {
      boolean level3 = ((KrakenFeed) protocol.feed()).isLevel3();
      StreamSpec.Builder<MarketEvent> spec = webSocket(STREAM, protocol, level3 ? DEFAULT_LEVEL3_BASE_URL : DEFAULT_BASE_URL)
          .heartbeat(Duration.ofSeconds(10), 3); // Kraken sends a heartbeat about every second when quiet
      if (level3) {
        spec.messageSigner(source);
        if (l3Host != null) {
          spec.baseUrl(l3Host);
        }
      }
      return spec.build();
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
