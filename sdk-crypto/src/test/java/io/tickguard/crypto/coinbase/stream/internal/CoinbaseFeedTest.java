package io.tickguard.crypto.coinbase.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ProviderException;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinbaseFeedTest {
  private static final Symbol BTCUSD = Symbol.of("BTC", "USD");
  private final CoinbaseFeed feed = new CoinbaseFeed();
  private final RecordingOutput out = new RecordingOutput();

  @Test
  void theDocumentedHeartbeatsMessageIsAHeartbeat() {
    feed.onText(Fixtures.json("coinbase/ws/heartbeats.json"), out);

    assertThat(out.heartbeats).isEqualTo(1);
    assertThat(out.gaps).isEmpty();
  }

  @Test
  void aJumpInTheHeartbeatCounterIsAGap() {
    feed.onText(heartbeat(0, 3049), out);
    feed.onText(heartbeat(1, 3050), out);
    assertThat(out.gaps).isEmpty();

    feed.onText(heartbeat(2, 3052), out);

    assertThat(out.gaps).hasSize(1);
  }

  @Test
  void everyConnectionSubscribesHeartbeatsAndOneMessagePerChannel() {
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK), new Subscription(Symbol.of("ETH", "USD"), StreamChannel.BOOK),
        new Subscription(BTCUSD, StreamChannel.TRADES)));

    assertThat(feed.onOpen(Feed.Open.FIRST)).containsExactly(
        "{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}",
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channel\":\"level2\"}",
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"market_trades\"}");
  }

  @Test
  void aLevel2SnapshotThenUpdatesMaintainTheBook() {
    synced();
    feed.onText(l2(2, "update", "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"21922.5\",\"new_quantity\":\"0\"}"), out);

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot().orElseThrow().asks()).isEmpty();
    assertThat(feed.book(BTCUSD).orElseThrow().snapshot().orElseThrow().bids())
        .containsExactly(new PriceLevel(new BigDecimal("21921.73"), new BigDecimal("0.06317902")));
    assertThat(feed.book(BTCUSD).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aSequenceGapInvalidatesEveryBookAndResubscribesLevel2Once() {
    synced();
    feed.onText(heartbeat(5, 1), out); // 2..4 lost

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.SEQUENCE_GAP));
    assertThat(out.resubscribes).hasSize(1);
    assertThat(feed.onOpen(Feed.Open.RESUBSCRIBE)).containsExactly(
        "{\"type\":\"unsubscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"level2\"}",
        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"level2\"}");

    feed.onText(l2(6, "update", "{\"side\":\"bid\",\"event_time\":\"x\",\"price_level\":\"1\",\"new_quantity\":\"1\"}"), out);
    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
    feed.onText(l2(7, "snapshot", "{\"side\":\"bid\",\"event_time\":\"x\",\"price_level\":\"21921.73\",\"new_quantity\":\"1\"}"), out);
    assertThat(feed.book(BTCUSD).orElseThrow().isValid()).isTrue();
    assertThat(feed.gaps()).isEqualTo(1);
  }

  @Test
  void marketTradesAreDecoded() {
    feed.onText("{\"channel\":\"market_trades\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:19:35.39625135Z\",\"sequence_num\":0,"
        + "\"events\":[{\"type\":\"snapshot\",\"trades\":[{\"trade_id\":\"12345\",\"product_id\":\"BTC-USD\",\"price\":\"1260.01\","
        + "\"size\":\"0.3\",\"side\":\"BUY\",\"time\":\"2019-08-14T20:42:27.265Z\"}]}]}", out);

    TradeEvent t = out.of(TradeEvent.class).get(0);
    assertThat(t.symbol()).isEqualTo(BTCUSD);
    assertThat(t.trade().price().toPlainString()).isEqualTo("1260.01");
    assertThat(t.trade().side()).isEqualTo(Side.BUY);
  }

  @Test
  void aRepeatedMemberOfAnUpdateIsRefusedEvenOneTheDecoderSkips() {
    synced();
    assertThatThrownBy(() -> feed.onText(l2(2, "update",
        "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"21922.5\",\"new_quantity\":\"0\","
            + "\"event_time\":\"2023-02-09T20:32:51Z\"}"), out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("duplicate field 'event_time'");
    assertThatThrownBy(() -> feed.onText(l2(2, "update",
        "{\"side\":\"offer\",\"price_level\":\"21922.5\",\"new_quantity\":\"0\",\"price_level\":\"1\"}"), out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("duplicate field 'price_level'");
  }

  @Test
  void aRepeatedTopLevelMemberIsRefusedEvenOneTheDecoderSkips() {
    assertThatThrownBy(() -> feed.onText(
        "{\"channel\":\"heartbeats\",\"timestamp\":\"2023-06-23T20:31:26Z\",\"sequence_num\":0,\"events\":[],"
            + "\"timestamp\":\"2023-06-23T20:31:27Z\"}", out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("duplicate field 'timestamp'");
    assertThatThrownBy(() -> feed.onText(
        "{\"channel\":\"heartbeats\",\"sequence_num\":0,\"events\":[],\"sequence_num\":5}", out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("duplicate field 'sequence_num'");
  }

  @Test
  void anErrorMessageIsATypedFailure() {
    assertThatThrownBy(() -> feed.onText("{\"type\":\"error\",\"message\":\"authentication failure\"}", out))
        .isInstanceOf(ProviderException.class).hasMessageContaining("authentication failure");
  }

  /** Messages are parsed as their UTF-8 bytes: text beyond ASCII (2, 3 and 4 bytes a character) must come back unchanged. */
  @Test
  void textBeyondAsciiIsReadAsTheSameCharacters() {
    String text = "\u00e9chec \u2014 \u8a8d\u8a3c \ud83d\ude00 done";
    assertThatThrownBy(() -> feed.onText("{\"type\":\"error\",\"message\":\"" + text + "\"}", out))
        .isInstanceOf(ProviderException.class).hasMessageEndingWith(": " + text);
  }

  @Test
  void truncatedMalformedOrTrailingMessagesAreRefusedAsInvalidJsonAndTheNextMessageStillReads() {
    synced();
    String update = l2(2, "update", "{\"side\":\"offer\",\"price_level\":\"21922.5\",\"new_quantity\":\"2\"}");
    for (String bad : List.of(update.substring(0, update.length() - 3), update.replace(":\"offer\"", ":offer"))) {
      assertThatThrownBy(() -> feed.onText(bad, out)).as(bad)
          .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("not valid JSON");
    }
    assertThatThrownBy(() -> feed.onText("", out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("must be an object, found end of input");
    assertThatThrownBy(() -> feed.onText(update + "{}", out))
        .isInstanceOf(io.tickguard.core.InvalidResponseException.class).hasMessageContaining("after the JSON document");
    assertThat(out.events).isEmpty();

    feed.onText(update, out);

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot().orElseThrow().asks())
        .containsExactly(new PriceLevel(new BigDecimal("21922.5"), new BigDecimal("2")));
  }

  private void synced() {
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK)));
    feed.onOpen(Feed.Open.FIRST);
    feed.onText(l2(0, "snapshot",
        "{\"side\":\"bid\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"21921.73\",\"new_quantity\":\"0.06317902\"},"
            + "{\"side\":\"offer\",\"event_time\":\"2023-02-09T20:32:50Z\",\"price_level\":\"21922.5\",\"new_quantity\":\"1\"}"), out);
    feed.onText(heartbeat(1, 0), out);
    assertThat(out.of(BookSnapshotEvent.class)).hasSize(1);
    out.events.clear();
  }

  private static String l2(long seq, String type, String updates) {
    return "{\"channel\":\"l2_data\",\"client_id\":\"\",\"timestamp\":\"2023-02-09T20:32:50.714964855Z\",\"sequence_num\":" + seq
        + ",\"events\":[{\"type\":\"" + type + "\",\"product_id\":\"BTC-USD\",\"updates\":[" + updates + "]}]}";
  }

  private static String heartbeat(long seq, long counter) {
    return "{\"channel\":\"heartbeats\",\"client_id\":\"\",\"timestamp\":\"2023-06-23T20:31:26.122969572Z\",\"sequence_num\":" + seq
        + ",\"events\":[{\"current_time\":\"2023-06-23 20:31:56.121961769 +0000 UTC m=+91717.525857105\",\"heartbeat_counter\":\""
        + counter + "\"}]}";
  }
}
