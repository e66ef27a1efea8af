package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.binance.stream.internal.BinanceFeed;
import io.tickguard.crypto.coinbase.stream.internal.CoinbaseFeed;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.crypto.kraken.stream.internal.KrakenFeed;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.WireMutations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Error paths such as {@code result.XXBTZUSD[3].price} are rendered only when a value is refused
 * (issue 20): every provider's documented answers decode without rendering one {@link JsonPath},
 * and the same answers with any one nested value retyped are refused with a message rendered from
 * one. A
 * decoder that goes back to eager path strings fails one half: building from a {@code JsonPath} up
 * front renders on success; building plain strings leaves the refusal without a render.
 */
class LazyErrorPathsTest {
  private static final String INPUTS = "/io/tickguard/crypto/hostile/CryptoDecodersFuzzTestInputs/";
  private static final Set<String> NOT_SAMPLES = Set.of("empty", "empty-array", "empty-object", "not-json", "null", "deep-nesting");
  private static final List<String> MUTANTS = List.of(".huge-number", ".negative-number", ".string-as-object", ".truncated");
  private static final Symbol BTC_USD = Symbol.of("BTC", "USD");

  @Test
  void krakenDecodersRenderAPathOnlyForARefusedValue() throws Exception {
    assertLazy("kraken", Set.of("result.unixtime"), 20); // the server time is one constant-named value
  }

  @Test
  void coinbaseDecodersRenderAPathOnlyForARefusedValue() throws Exception {
    // The ticker reads only the newest trade; the book's own members are single values.
    assertLazy("coinbase", Set.of("trades[0]", "trades[0].price", "trades[0].time", "pricebook.product_id", "pricebook.time"), 20);
  }

  @Test
  void insighteaseDecodersRenderAPathOnlyForARefusedValue() throws Exception {
    assertLazy("insightease", Set.of(), 10);
  }

  @Test
  void binanceFeedRendersAPathOnlyForARefusedValue() throws Exception {
    BinanceDepthSnapshot snapshot = new BinanceDepthSnapshot(158, List.of(), List.of());
    Feed feed = new BinanceFeed((symbol, wire) -> CompletableFuture.completedFuture(snapshot),
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    assertFeedLazy(feed, Symbol.of("BNB", "BTC"), "binanceFeed",
        "{\"stream\":\"bnbbtc@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"U\":157,"
            + "\"u\":160,\"b\":[[\"0.0024\",\"10\"],[\"x\",\"1\"]],\"a\":[]}}",
        "data.b[1][0]");
  }

  @Test
  void krakenFeedRendersAPathOnlyForARefusedValue() throws Exception {
    assertFeedLazy(new KrakenFeed(s -> new KrakenPrecision(1, 8), 10), BTC_USD, "krakenFeed",
        "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"price\":\"x\",\"qty\":1}],"
            + "\"asks\":[],\"checksum\":1,\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}",
        "data[0].bids[0].price");
  }

  @Test
  void coinbaseFeedRendersAPathOnlyForARefusedValue() throws Exception {
    assertFeedLazy(new CoinbaseFeed(), BTC_USD, "coinbaseFeed",
        "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\",\"sequence_num\":0,"
            + "\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":[{\"side\":\"bid\","
            + "\"event_time\":\"2023-02-09T20:32:50.714964855Z\",\"price_level\":\"21921.73\",\"new_quantity\":\"1\"},"
            + "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50.714964855Z\",\"price_level\":\"x\",\"new_quantity\":\"1\"}]}]}",
        "events[0].updates[1].price_level");
  }

  /**
   * Every documented sample of every {@code provider} decoder decodes without a render; then each of
   * its nested values is retyped in turn, and every refusal naming a field outside {@code
   * constantNames} (names a decoder writes as constants, such as {@code pricebook.product_id}) must
   * have rendered its path. At least {@code minimumRefusals} such refusals are seen, so a renamed
   * input folder cannot make the test vacuous.
   */
  private static void assertLazy(String provider, Set<String> constantNames, int minimumRefusals) throws Exception {
    int refusals = 0;
    for (Map.Entry<String, ResponseDecoder<?>> d : WireDecoders.responses().entrySet()) {
      String name = d.getKey();
      if (!name.startsWith(provider + ".")) {
        continue;
      }
      for (Path sample : samples(name)) {
        WireMutations.LazyNaming seen = WireMutations.lazyNaming(Files.readAllBytes(sample),
            body -> d.getValue().decode(WireDecoders.response(200, body)), JsonPath::rendersOnThisThread, constantNames);
        // a sample the decoder refuses is an error answer or another call's sample: no success to check
        assertThat(seen.rendersOnSuccess()).as("paths rendered decoding %s with %s", sample.getFileName(), name).isZero();
        assertThat(seen.eagerlyNamed()).as("fields %s named without a lazy path", name).isEmpty();
        refusals += seen.refusals();
      }
    }
    assertThat(refusals).as("refusals of retyped values checked for %s", provider).isGreaterThanOrEqualTo(minimumRefusals);
  }

  /** The committed samples of decoder {@code kraken.assetPairs}: its fuzz inputs minus the generic and mutated ones. */
  private static List<Path> samples(String decoder) throws IOException, URISyntaxException {
    int dot = decoder.indexOf('.');
    String method = decoder.substring(0, dot) + Character.toUpperCase(decoder.charAt(dot + 1)) + decoder.substring(dot + 2);
    java.net.URL dir = LazyErrorPathsTest.class.getResource(INPUTS + method);
    if (dir == null) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(f -> !NOT_SAMPLES.contains(f.getFileName().toString()))
          .filter(f -> MUTANTS.stream().noneMatch(m -> f.getFileName().toString().endsWith(m)))
          .sorted()
          .toList();
    }
  }

  /**
   * The documented messages a feed accepts render no path; {@code bad} (a documented message with
   * one level's value broken, deep in its list) is refused naming {@code field}, rendered lazily.
   */
  private static void assertFeedLazy(Feed feed, Symbol symbol, String inputs, String bad, String field) throws Exception {
    feed.subscribe(List.of(new Subscription(symbol, StreamChannel.BOOK), new Subscription(symbol, StreamChannel.TICKER),
        new Subscription(symbol, StreamChannel.TRADES)));
    feed.onOpen(Feed.Open.FIRST);
    RecordingOutput out = new RecordingOutput();
    java.net.URL all = LazyErrorPathsTest.class.getResource(
        "/io/tickguard/crypto/hostile/StreamFeedsFuzzTestInputs/" + inputs + "/all-documented-messages");
    assertThat(all).isNotNull();
    int accepted = 0;
    for (String message : Files.readAllLines(Path.of(all.toURI()), StandardCharsets.UTF_8)) {
      long before = JsonPath.rendersOnThisThread();
      try {
        feed.onText(message, out);
      } catch (TickGuardException refused) {
        // a documented request or a commented sample that is not a message: reconnect, as the transport does
        feed.onDisconnect("refused message", out);
        feed.onOpen(Feed.Open.RECONNECT);
        continue;
      }
      assertThat(JsonPath.rendersOnThisThread()).as("paths rendered reading %s", message).isEqualTo(before);
      accepted++;
    }
    assertThat(accepted).as("documented messages accepted").isGreaterThanOrEqualTo(1);

    long beforeRefusal = JsonPath.rendersOnThisThread();
    assertThatThrownBy(() -> feed.onText(bad, out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo(field));
    assertThat(JsonPath.rendersOnThisThread()).as("the refusal names its field lazily").isGreaterThan(beforeRefusal);
  }
}
