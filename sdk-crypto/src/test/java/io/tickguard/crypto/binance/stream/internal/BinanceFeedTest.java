package io.tickguard.crypto.binance.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.BestBidAskEvent;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TickerEvent;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BinanceFeedTest {
  private static final Symbol BNBBTC = Symbol.of("BNB", "BTC");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final List<CompletableFuture<BinanceDepthSnapshot>> requests = new ArrayList<>();
  private final BinanceFeed feed = new BinanceFeed((symbol, wire) -> {
    CompletableFuture<BinanceDepthSnapshot> f = new CompletableFuture<>();
    requests.add(f);
    return f;
  }, clock);
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void decodesTheDocumentedTradeEvent() {
    feed.onText(Fixtures.json("binance/ws/trade.json"), out);

    TradeEvent e = (TradeEvent) out.events.get(0);
    assertThat(e.symbol()).isEqualTo(BNBBTC);
    assertThat(e.trade()).isEqualTo(new Trade(
        "12345", new BigDecimal("0.001"), new BigDecimal("100"), Side.SELL, Instant.ofEpochMilli(1672515782136L)));
  }

  @Test
  void decodesTheDocumentedTickerEventWithExactDecimals() {
    feed.onText(Fixtures.json("binance/ws/ticker.json"), out);

    Ticker t = ((TickerEvent) out.events.get(0)).ticker();
    assertThat(t.last()).isEqualTo(new BigDecimal("0.0025"));
    assertThat(t.bid()).isEqualTo(new BigDecimal("0.0024"));
    assertThat(t.ask()).isEqualTo(new BigDecimal("0.0026"));
    assertThat(t.open24h()).contains(new BigDecimal("0.0010"));
    assertThat(t.high24h()).contains(new BigDecimal("0.0025"));
    assertThat(t.low24h()).contains(new BigDecimal("0.0010"));
    assertThat(t.volume24h()).contains(new BigDecimal("10000"));
    assertThat(t.time()).contains(Instant.ofEpochMilli(1672515782136L));
  }

  @Test
  void decodesTheDocumentedBookTickerKeepingTheWireScale() {
    feed.onText(Fixtures.json("binance/ws/bookTicker.json"), out);

    BestBidAskEvent e = (BestBidAskEvent) out.events.get(0);
    assertThat(e.symbol()).isEqualTo(Symbol.of("BNB", "USDT"));
    assertThat(e.bid().toPlainString()).isEqualTo("25.35190000");
    assertThat(e.bidSize().toPlainString()).isEqualTo("31.21000000");
    assertThat(e.ask().toPlainString()).isEqualTo("25.36520000");
    assertThat(e.askSize().toPlainString()).isEqualTo("40.66000000");
  }

  @Test
  void decodesEventsInsideTheCombinedStreamEnvelope() {
    String data = Fixtures.json("binance/ws/trade.json");
    feed.onText("{\"stream\":\"bnbbtc@trade\",\"data\":" + data + "}", out);

    assertThat(out.of(TradeEvent.class)).hasSize(1);
  }

  @Test
  void subscribeMessagesHaveTheDocumentedShapeAndTheDocumentedReplyIsAccepted() throws Exception {
    List<String> sent = feed.subscribe(List.of(
        new Subscription(Symbol.of("BTC", "USDT"), StreamChannel.TRADES),
        new Subscription(Symbol.of("BTC", "USDT"), StreamChannel.BOOK)));

    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode documented = mapper.readTree(Fixtures.json("binance/ws/subscribe-request.json"));
    JsonNode ours = mapper.readTree(sent.get(0));
    assertThat(ours.propertyNames()).containsExactlyElementsOf(documented.propertyNames());
    assertThat(ours.get("params").toString()).isEqualTo("[\"btcusdt@trade\",\"btcusdt@depth@100ms\"]");
    assertThat(ours.get("id").isIntegralNumber()).isTrue();

    feed.onText(Fixtures.json("binance/ws/subscribe-response.json"), out);
    assertThat(out.events).isEmpty();
  }

  @Test
  void theDocumentedDepthUpdateIsBufferedUntilTheSnapshotThenApplied() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(Fixtures.json("binance/ws/depthUpdate.json"), out); // U=157 u=160

    assertThat(requests).hasSize(1);
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();

    requests.get(0).complete(snapshot(158, "0.0023", "5", "0.0027", "7"));
    feed.onText(Fixtures.json("binance/ws/subscribe-response.json"), out); // any message applies it

    BookSnapshotEvent synced = out.of(BookSnapshotEvent.class).get(0);
    assertThat(synced.version()).isEqualTo(160);
    assertThat(synced.book().bids()).containsExactly(level("0.0024", "10"), level("0.0023", "5"));
    assertThat(synced.book().asks()).containsExactly(level("0.0026", "100"), level("0.0027", "7"));
  }

  @Test
  void aSnapshotOlderThanTheFirstBufferedEventIsFetchedAgain() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(diff(157, 160, "0.0024", "10"), out);
    requests.get(0).complete(snapshot(150, "0.0023", "5", "0.0027", "7"));
    feed.onText(diff(161, 161, "0.0024", "11"), out);

    assertThat(requests).hasSize(2);
    assertThat(out.of(BookSnapshotEvent.class)).isEmpty();
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
  }

  @Test
  void bufferedEventsAtOrBelowTheSnapshotIdAreDroppedAndTheRestApplyInOrder() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(diff(100, 110, "0.0024", "1"), out);
    feed.onText(diff(111, 120, "0.0024", "2"), out);
    feed.onText(diff(121, 130, "0.0022", "3"), out);
    requests.get(0).complete(snapshot(115, "0.0023", "5", "0.0027", "7"));
    feed.onText(askDiff(131, 131, "0.0027", "0"), out);

    assertThat(feed.book(BNBBTC).orElseThrow().snapshot().orElseThrow().bids())
        .containsExactly(level("0.0024", "2"), level("0.0023", "5"), level("0.0022", "3"));
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot().orElseThrow().asks()).isEmpty();
    assertThat(feed.book(BNBBTC).orElseThrow().version()).isEqualTo(131);
  }

  @Test
  void aSequenceGapInvalidatesTheBookOnceAndResyncsWithExactlyOneSnapshot() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(diff(101, 110, "0.0024", "1"), out);
    requests.get(0).complete(snapshot(105, "0.0023", "5", "0.0027", "7"));
    feed.onText(diff(111, 112, "0.0024", "2"), out);
    assertThat(feed.book(BNBBTC).orElseThrow().isValid()).isTrue();

    feed.onText(diff(120, 125, "0.0024", "3"), out); // 113..119 lost

    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.SEQUENCE_GAP));
    assertThat(out.gaps).hasSize(1);
    feed.onText(diff(126, 126, "0.0024", "4"), out);
    assertThat(requests).hasSize(2);

    requests.get(1).complete(snapshot(124, "0.0023", "5", "0.0027", "7"));
    feed.onText(askDiff(127, 127, "0.0027", "8"), out);

    assertThat(requests).hasSize(2);
    assertThat(feed.snapshotRequests(BNBBTC)).isEqualTo(2);
    assertThat(out.of(BookSnapshotEvent.class)).hasSize(2);
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot().orElseThrow().bids())
        .containsExactly(level("0.0024", "4"), level("0.0023", "5"));
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot().orElseThrow().asks()).containsExactly(level("0.0027", "8"));
  }

  @Test
  void updatesAfterSyncAreReportedWithTheirChanges() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(diff(101, 110, "0.0024", "1"), out);
    requests.get(0).complete(snapshot(105, "0.0023", "5", "0.0027", "7"));
    feed.onText(diff(111, 112, "0.0023", "0"), out);

    BookUpdateEvent u = out.of(BookUpdateEvent.class).get(0);
    assertThat(u.version()).isEqualTo(112);
    assertThat(u.changes()).containsExactly(new LevelChange(BookSide.BID, new BigDecimal("0.0023"), BigDecimal.ZERO));
  }

  @Test
  void aDiffAtOrBelowTheIdTheLiveBookReachedIsIgnored() {
    syncedBook(); // at u=112 after a live diff
    feed.onText(diff(108, 112, "0.0024", "9"), out);

    assertThat(out.events).isEmpty();
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot().orElseThrow().bids())
        .containsExactly(level("0.0024", "2"), level("0.0023", "5"));
    assertThat(feed.book(BNBBTC).orElseThrow().version()).isEqualTo(112);

    feed.onText(diff(113, 113, "0.0024", "3"), out); // continues from 112: applies
    assertThat(out.of(BookUpdateEvent.class)).singleElement().satisfies(u -> assertThat(u.version()).isEqualTo(113));
  }

  @Test
  void aDiffThatCrossesTheBookInvalidatesItAndTheNextSnapshotSetsTheIdAgain() {
    syncedBook();
    feed.onText(diff(113, 113, "0.0030", "1"), out); // a bid above the best ask 0.0027

    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.INVALID_DATA));
    assertThat(out.of(BookUpdateEvent.class)).isEmpty();

    feed.onText(diff(114, 120, "0.0024", "4"), out); // buffered; asks for a snapshot
    requests.get(1).complete(snapshot(130, "0.0023", "5", "0.0027", "7"));
    feed.onText(diff(121, 135, "0.0024", "6"), out); // straddles 130: applies and drains the snapshot first
    assertThat(feed.book(BNBBTC).orElseThrow().isValid()).isTrue();
    assertThat(out.of(BookUpdateEvent.class)).singleElement().satisfies(u -> assertThat(u.version()).isEqualTo(135));
    feed.onText(diff(137, 137, "0.0024", "8"), out); // 136 lost: the id came from the snapshot, not 113

    assertThat(out.of(BookInvalidated.class)).hasSize(2)
        .last().satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.SEQUENCE_GAP));
  }

  @Test
  void serverShutdownInvalidatesBooksBeforeAskingForANewConnection() {
    syncedBook();
    feed.onText(Fixtures.json("binance/ws/server-shutdown-combined.json"), out);

    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.SERVER_SHUTDOWN));
    assertThat(out.reconnects).hasSize(1);
  }

  @Test
  void theRawServerShutdownEventAlsoRetiresTheConnection() {
    feed.onOpen(Feed.Open.FIRST);
    feed.onText(Fixtures.json("binance/ws/server-shutdown-raw.json"), out);

    assertThat(out.reconnects).hasSize(1);
  }

  @Test
  void theConnectionIsReplacedBeforeBinancesTwentyFourHourLimitWithItsBooksInvalidatedFirst() {
    syncedBook();
    clock.advance(Duration.ofHours(23).plusMinutes(54));
    feed.onText(diff(113, 113, "0.0024", "9"), out);
    assertThat(out.reconnects).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    feed.onText(diff(114, 114, "0.0024", "9"), out);

    assertThat(out.reconnects).hasSize(1);
    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
  }

  @Test
  void aDisconnectInvalidatesTheBookAndAReconnectResubscribesEverything() {
    syncedBook();
    feed.onDisconnect("connection reset", out);

    assertThat(feed.book(BNBBTC).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.DISCONNECTED));
    assertThat(feed.onOpen(Feed.Open.RECONNECT)).singleElement().asString().contains("\"bnbbtc@depth@100ms\"");
  }

  @Test
  void aBinanceErrorReplyIsATypedFailure() {
    assertThatThrownBy(() -> feed.onText("{\"code\": 2, \"msg\": \"Invalid request: too many parameters\", \"id\": 7}", out))
        .isInstanceOf(io.tickguard.core.ProviderException.class)
        .hasMessageContaining("too many parameters");
  }

  @Test
  void aDepthUpdateWithAMissingIdIsRefusedNamingTheField() {
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    assertThatThrownBy(() -> feed.onText("{\"e\":\"depthUpdate\",\"s\":\"BNBBTC\",\"u\":5,\"b\":[],\"a\":[]}", out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("U"));
  }

  @Test
  void aConnectionRefusesMoreThan1024Streams() {
    List<Subscription> many = new ArrayList<>();
    for (int i = 0; i < 1025; i++) {
      many.add(new Subscription(Symbol.of("A" + i, "USDT"), StreamChannel.TRADES));
    }
    assertThatThrownBy(() -> feed.subscribe(many)).isInstanceOf(IllegalStateException.class);
    assertThat(feed.subscribe(many.subList(0, 1024))).hasSize(6); // 200 streams per message
  }

  private void syncedBook() {
    feed.onOpen(Feed.Open.FIRST);
    feed.subscribe(List.of(new Subscription(BNBBTC, StreamChannel.BOOK)));
    feed.onText(diff(101, 110, "0.0024", "1"), out);
    requests.get(0).complete(snapshot(105, "0.0023", "5", "0.0027", "7"));
    feed.onText(diff(111, 112, "0.0024", "2"), out);
    assertThat(feed.book(BNBBTC).orElseThrow().isValid()).isTrue();
    out.events.clear();
  }

  static String diff(long first, long last, String price, String qty) {
    return "{\"stream\":\"bnbbtc@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":" + first
        + ",\"u\":" + last + ",\"b\":[[\"" + price + "\",\"" + qty + "\"]],\"a\":[]}}";
  }

  static String askDiff(long first, long last, String price, String qty) {
    return "{\"stream\":\"bnbbtc@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":" + first
        + ",\"u\":" + last + ",\"b\":[],\"a\":[[\"" + price + "\",\"" + qty + "\"]]}}";
  }

  private static BinanceDepthSnapshot snapshot(long id, String bid, String bidQty, String ask, String askQty) {
    return new BinanceDepthSnapshot(id, List.of(level(bid, bidQty)), List.of(level(ask, askQty)));
  }

  private static PriceLevel level(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }

}
