package io.tickguard.crypto.kraken.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TickerEvent;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrakenFeedTest {
  private static final Symbol BTCUSD = Symbol.of("BTC", "USD");
  private final KrakenFeed feed = new KrakenFeed(s -> new KrakenPrecision(1, 8), 10);
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void aRepeatedTopLevelMemberIsRefused() {
    assertThatThrownBy(() -> feed.onText("{\"channel\":\"heartbeat\",\"channel\":\"status\"}", out))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("duplicate field 'channel'");
    assertThatThrownBy(() -> feed.onText("{\"channel\":\"heartbeat\",\"extra\":1,\"extra\":2}", out))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("duplicate field 'extra'");
  }

  @Test
  void readsTheDocumentedConnectionIdThatDoesNotFitALong() {
    feed.onText(Fixtures.json("kraken/ws/status.json"), out);

    assertThat(feed.connectionId()).contains(new BigInteger("13834774380200032777"));
    assertThat(new BigInteger("13834774380200032777")).isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
  }

  @Test
  void theDocumentedHeartbeatIsAHeartbeat() {
    feed.onText(Fixtures.json("kraken/ws/heartbeat.json"), out);

    assertThat(out.heartbeats).isEqualTo(1);
    assertThat(out.events).isEmpty();
  }

  @Test
  void theDocumentedSubscribeAcknowledgementIsAccepted() {
    feed.onText(Fixtures.json("kraken/ws/book-subscribe-ack.json"), out);

    assertThat(out.events).isEmpty();
  }

  @Test
  void decodesTheDocumentedTradeSnapshot() {
    feed.onText(Fixtures.json("kraken/ws/trade-snapshot.json"), out);

    List<TradeEvent> trades = out.of(TradeEvent.class);
    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).symbol()).isEqualTo(Symbol.of("MATIC", "USD"));
    assertThat(trades.get(0).trade()).isEqualTo(new Trade("4665846", new BigDecimal("0.5147"),
        new BigDecimal("6423.46326"), Side.BUY, Instant.parse("2023-09-25T07:48:36.925533Z")));
    assertThat(trades.get(1).trade().size().toPlainString()).isEqualTo("1136.19677815");
  }

  @Test
  void decodesTheDocumentedTickerWithTheOpenDerivedExactlyFromTheChange() {
    feed.onText(Fixtures.json("kraken/ws/ticker-snapshot.json"), out);

    Ticker t = ((TickerEvent) out.events.get(0)).ticker();
    assertThat(t.symbol()).isEqualTo(Symbol.of("ALGO", "USD"));
    assertThat(t.last()).isEqualTo(new BigDecimal("0.10035"));
    assertThat(t.bid()).isEqualTo(new BigDecimal("0.10025"));
    assertThat(t.ask()).isEqualTo(new BigDecimal("0.10036"));
    assertThat(t.open24h()).contains(new BigDecimal("0.10052"));
    assertThat(t.high24h()).contains(new BigDecimal("0.10285"));
    assertThat(t.low24h()).contains(new BigDecimal("0.09979"));
    assertThat(t.volume24h()).contains(new BigDecimal("997038.98383185"));
    assertThat(t.time()).contains(Instant.parse("2023-09-25T09:04:31.742648Z"));
  }

  @Test
  void theChecksumGuidesSnapshotVerifiesAndBecomesTheBook() {
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK)));
    feed.onText(Fixtures.json("kraken/ws/book-checksum-v2-example.json"), out);

    BookSnapshotEvent e = out.of(BookSnapshotEvent.class).get(0);
    assertThat(e.book().bids()).hasSize(10);
    assertThat(e.book().bids().get(0)).isEqualTo(new PriceLevel(new BigDecimal("45283.5"), new BigDecimal("0.10000000")));
    assertThat(e.book().asks().get(0)).isEqualTo(new PriceLevel(new BigDecimal("45285.2"), new BigDecimal("0.00100000")));
    assertThat(feed.book(BTCUSD).orElseThrow().isValid()).isTrue();
  }

  @Test
  void anUpdateIsAppliedTruncatedToTheDepthAndVerified() {
    synced();
    // A better bid pushes the 10th bid out of a depth-10 book; Kraken sends no delete for it.
    List<PriceLevel> bids = new ArrayList<>(book().bids());
    bids.add(0, new PriceLevel(new BigDecimal("45284.0"), new BigDecimal("0.5")));
    bids.remove(10);
    long checksum = KrakenChecksum.of(bids, book().asks(), 1, 8);

    feed.onText(update("{\"price\": 45284.0, \"qty\": 0.5}", "", checksum), out);

    assertThat(out.of(BookUpdateEvent.class)).hasSize(1);
    assertThat(book().bids()).containsExactlyElementsOf(bids);
  }

  @Test
  void aCorruptedChecksumInvalidatesTheBookAndResubscribesTheSymbolOnce() {
    synced();
    feed.onText(update("{\"price\": 45283.5, \"qty\": 0.2}", "", 12345), out);

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.CHECKSUM_MISMATCH));
    assertThat(out.resubscribes).hasSize(1);
    assertThat(feed.onOpen(Feed.Open.RESUBSCRIBE)).containsExactly(
        "{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"]},\"req_id\":2}",
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\"],\"depth\":10},\"req_id\":3}");

    feed.onText(update("{\"price\": 45283.5, \"qty\": 0.3}", "", 1), out); // before the new snapshot: ignored
    assertThat(out.of(BookInvalidated.class)).hasSize(1);
    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();

    feed.onText(Fixtures.json("kraken/ws/book-checksum-v2-example.json"), out);
    assertThat(feed.book(BTCUSD).orElseThrow().isValid()).isTrue();
    assertThat(feed.resyncs(BTCUSD)).isEqualTo(1);
  }

  @Test
  void aDisconnectInvalidatesTheBookUntilTheNextSnapshot() {
    synced();
    feed.onOpen(Feed.Open.FIRST);
    feed.onDisconnect("reset", out);

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.DISCONNECTED));
  }

  @Test
  void subscribeSendsOneMessagePerChannelWithTheDocumentedShape() {
    List<String> sent = feed.subscribe(List.of(
        new Subscription(BTCUSD, StreamChannel.BOOK), new Subscription(Symbol.of("ETH", "USD"), StreamChannel.BOOK),
        new Subscription(BTCUSD, StreamChannel.TRADES)));

    assertThat(sent).containsExactly(
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"book\",\"symbol\":[\"BTC/USD\",\"ETH/USD\"],\"depth\":10},\"req_id\":1}",
        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"]},\"req_id\":2}");
  }

  @Test
  void aRefusedSubscriptionIsATypedFailure() {
    assertThatThrownBy(() -> feed.onText(
        "{\"method\":\"subscribe\",\"error\":\"Currency pair not supported FOO/BAR\",\"success\":false}", out))
        .isInstanceOf(ProviderException.class).hasMessageContaining("FOO/BAR");
  }

  @Test
  void aReqIdBeyondALongIsRefusedNamingItInsteadOfWrapping() {
    // 2^63 would wrap to Long.MIN_VALUE through BigInteger.longValue(), matching no request.
    assertThatThrownBy(() -> feed.onText(
        "{\"method\":\"subscribe\",\"success\":true,\"req_id\":9223372036854775808}", out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("req_id"));
    assertThatThrownBy(() -> feed.onText(
        "{\"method\":\"subscribe\",\"success\":true,\"req_id\":-9223372036854775809}", out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("req_id"));
  }

  @Test
  void theLargestReqIdThatFitsALongIsAccepted() {
    feed.onText("{\"method\":\"subscribe\",\"success\":true,\"req_id\":9223372036854775807}", out);
    feed.onText("{\"method\":\"subscribe\",\"success\":true,\"req_id\":-9223372036854775808}", out);

    assertThat(out.events).isEmpty();
  }

  @Test
  void aBookLevelWithoutQuantityIsRefusedNamingIt() {
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK)));
    assertThatThrownBy(() -> feed.onText(
        "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[{\"price\":1.0}],\"asks\":[],\"checksum\":1}]}", out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[0].bids[0].qty"));
  }

  private void synced() {
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK)));
    feed.onText(Fixtures.json("kraken/ws/book-checksum-v2-example.json"), out);
    out.events.clear();
  }

  private OrderBook book() {
    return feed.book(BTCUSD).orElseThrow().snapshot().orElseThrow();
  }

  private static String update(String bids, String asks, long checksum) {
    return "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[" + bids + "],\"asks\":["
        + asks + "],\"checksum\":" + checksum + ",\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
  }
}
