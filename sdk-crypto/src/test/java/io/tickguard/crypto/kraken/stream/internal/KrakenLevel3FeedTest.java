package io.tickguard.crypto.kraken.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.kraken.KrakenWsToken;
import io.tickguard.crypto.stream.OrderEvent;
import io.tickguard.crypto.stream.OrdersSnapshotEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code level3} side of a Kraken feed, driven directly: Kraken's documented messages, the
 * guide's checksum example, the token put into subscribes by the token source (fetched once, again
 * when too old on the client's clock and after a refusal), and refusals of bad wire input.
 */
class KrakenLevel3FeedTest {
  private static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<String> issued = new ArrayList<>();
  private final KrakenTokenSource tokens = new KrakenTokenSource(this::fetch, clock);
  private final KrakenFeed feed = new KrakenFeed(tokens, 10);
  private final RecordingOutput out = new RecordingOutput();

  private KrakenWsToken fetch() {
    String token = "TokenNumber" + (issued.size() + 1) + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    issued.add(token);
    return new KrakenWsToken(Secret.of(token.toCharArray()), clock.instant(), Duration.ofSeconds(900));
  }

  private List<String> sent(List<String> messages) {
    List<String> signed = new ArrayList<>();
    messages.forEach(m -> signed.add(tokens.sign(m)));
    return signed;
  }

  @Test
  void theDocumentedSnapshotAndUpdateAreReadExactly() {
    KrakenMessage snapshot = KrakenMessage.read(Fixtures.json("kraken/ws/level3-snapshot.json"));
    assertThat(snapshot.channel).isEqualTo("level3");
    assertThat(snapshot.items.get(0).checksum).isEqualTo(281817320L);
    KrakenMessage.L3Order first = snapshot.items.get(0).orders.get(0);
    assertThat(first.side()).isEqualTo(BookSide.BID);
    assertThat(first.orderId()).isEqualTo("O6ZQNQ-BXL4E-5WGINO");
    assertThat(first.price()).isEqualTo(new BigDecimal("0.5629"));
    assertThat(first.qty()).isEqualTo(new BigDecimal("111.56125344"));
    assertThat(Instant.parse(first.timestamp())).isEqualTo(Instant.parse("2023-10-06T17:35:00.279389650Z"));
    assertThat(snapshot.items.get(0).orders).hasSize(6).filteredOn(o -> o.side() == BookSide.ASK)
        .extracting(KrakenMessage.L3Order::qty).containsExactly(
            new BigDecimal("4422.9978357"), new BigDecimal("420.0"), new BigDecimal("490.0"));

    KrakenMessage update = KrakenMessage.read(Fixtures.json("kraken/ws/level3-update.json"));
    assertThat(update.type).isEqualTo("update");
    assertThat(update.items.get(0).checksum).isEqualTo(2841398499L);
    assertThat(update.items.get(0).orders).extracting(KrakenMessage.L3Order::event)
        .containsExactly("delete", "add", "add", "add");
    assertThat(update.items.get(0).orders.get(3).price()).isEqualTo(new BigDecimal("0.564"));
  }

  @Test
  void theGuidesSnapshotVerifiesAndBecomesTypedOrdersInQueuePriority() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);

    assertThat(out.gaps).isEmpty();
    OrdersSnapshotEvent s = out.of(OrdersSnapshotEvent.class).get(0);
    assertThat(s.bids()).hasSize(21);
    assertThat(s.asks()).hasSize(14);
    assertThat(s.bids().get(0)).isEqualTo(new BookOrder("OTCFZG-YOE2Q-LQKNM3", BookSide.BID, new BigDecimal("44939.4"),
        new BigDecimal("0.88968699"), Instant.parse("2024-01-08T12:26:39.526146327Z")));
    assertThat(s.asks().get(3).orderId()).isEqualTo("OF3X3A-72WZY-6EKA5F"); // fourth in the 44939.5 queue
    assertThat(KrakenChecksum.level3(s.bids(), s.asks())).isEqualTo(1063832831L);
  }

  @Test
  void theLevel3ChecksumHashesTheWireSpellingSoTrailingZerosMatter() {
    Instant t = Instant.parse("2024-01-08T12:26:39Z");
    BookOrder asWired = new BookOrder("A", BookSide.ASK, new BigDecimal("44939.5"), new BigDecimal("0.10000000"), t);
    BookOrder asFloat = new BookOrder("A", BookSide.ASK, new BigDecimal("44939.5"), new BigDecimal("0.1"), t);
    assertThat(KrakenChecksum.level3(List.of(), List.of(asWired))).isNotEqualTo(KrakenChecksum.level3(List.of(), List.of(asFloat)));
  }

  @Test
  void anUpdateAppliesAddModifyDeleteThenTruncatesAndEmitsTypedEventsOnlyAfterItsChecksumHeld() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    OrdersSnapshotEvent s = out.of(OrdersSnapshotEvent.class).get(0);
    // Kraken's next message, as its docs describe it: the first ask partly filled, a bid cancelled.
    List<BookOrder> asks = new ArrayList<>(s.asks());
    BookOrder filled = new BookOrder("OFVLAA-HRSSP-BK75KB", BookSide.ASK, new BigDecimal("44939.5"),
        new BigDecimal("4.00000000"), Instant.parse("2024-01-08T12:26:46.000000001Z"));
    asks.set(0, filled);
    List<BookOrder> bids = new ArrayList<>(s.bids());
    BookOrder cancelled = bids.remove(1);
    long checksum = KrakenChecksum.level3(bids, asks);
    String update = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":" + checksum
        + ",\"symbol\":\"BTC/USD\",\"bids\":[{\"event\":\"delete\",\"order_id\":\"OFGP5R-B3E7G-54EZD6\","
        + "\"limit_price\":44939.4,\"order_qty\":0.45210000,\"timestamp\":\"2024-01-08T12:26:46Z\"}],"
        + "\"asks\":[{\"event\":\"modify\",\"order_id\":\"OFVLAA-HRSSP-BK75KB\",\"limit_price\":44939.5,"
        + "\"order_qty\":4.00000000,\"timestamp\":\"2024-01-08T12:26:46.000000001Z\"}]}]}";

    feed.onText(update, out);

    assertThat(out.gaps).isEmpty();
    assertThat(out.of(OrderEvent.class)).extracting(OrderEvent::action, e -> e.order().orderId())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OrderEvent.Action.DELETE, cancelled.orderId()),
            org.assertj.core.groups.Tuple.tuple(OrderEvent.Action.MODIFY, filled.orderId()));
    assertThat(out.of(OrderEvent.class).get(1).order()).isEqualTo(filled);
  }

  @Test
  void aChecksumMismatchEmitsNoEventOfTheMessageAndResubscribesTheSymbolOnce() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    String wrong = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":1,\"symbol\":\"BTC/USD\","
        + "\"bids\":[],\"asks\":[{\"event\":\"delete\",\"order_id\":\"OFVLAA-HRSSP-BK75KB\",\"limit_price\":44939.5,"
        + "\"order_qty\":4.52308393,\"timestamp\":\"2024-01-08T12:26:46Z\"}]}]}";

    feed.onText(wrong, out);
    feed.onText(wrong, out); // ignored: the symbol waits for its new snapshot

    assertThat(out.of(OrderEvent.class)).isEmpty();
    assertThat(out.gaps).hasSize(1);
    assertThat(out.resubscribes).hasSize(1);
    assertThat(feed.level3Resyncs(BTC_USD)).isEqualTo(1);
    List<String> again = feed.onOpen(Feed.Open.RESUBSCRIBE);
    assertThat(again).hasSize(2);
    assertThat(again.get(0)).startsWith("{\"method\":\"unsubscribe\",\"params\":{\"channel\":\"level3\"");
    assertThat(again.get(1)).startsWith("{\"method\":\"subscribe\",\"params\":{\"channel\":\"level3\"");
  }

  @Test
  void theSubscribeCarriesTheTokenWhereKrakensDocumentedExamplePutsIt() {
    List<String> messages = sent(feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS))));

    JsonMapper json = JsonMapper.builder().build();
    JsonNode ours = json.readTree(messages.get(0));
    JsonNode documented = json.readTree(Fixtures.json("kraken/ws/level3-subscribe.json"));
    assertThat(ours.path("method").asString()).isEqualTo(documented.path("method").asString());
    Set<String> documentedParams = Set.copyOf(documented.path("params").propertyNames());
    assertThat(documentedParams).containsAll(List.of("channel", "symbol", "token"));
    assertThat(ours.path("params").path("channel").asString()).isEqualTo("level3");
    assertThat(ours.path("params").path("symbol").get(0).asString()).isEqualTo("BTC/USD");
    assertThat(ours.path("params").path("depth").asInt()).isEqualTo(10);
    assertThat(ours.path("params").path("token").asString()).isEqualTo(issued.get(0));
    assertThat(ours.path("req_id").isIntegralNumber()).isTrue();
    feed.onText(Fixtures.json("kraken/ws/level3-subscribe-ack.json"), out); // an ack is no error
    assertThat(out.events).isEmpty();
  }

  @Test
  void theCachedTokenIsReusedUntilItCouldNoLongerEstablishAConnectionOnTheClientsClock() {
    sent(feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS))));
    clock.advance(Duration.ofMinutes(13));
    sent(feed.onOpen(Feed.Open.RECONNECT));
    assertThat(tokens.fetches()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(61)); // 14:01 after receipt: less than the 60 s margin before 15:00
    List<String> afterExpiry = sent(feed.onOpen(Feed.Open.RECONNECT));

    assertThat(tokens.fetches()).isEqualTo(2);
    assertThat(afterExpiry.get(0)).contains("\"token\":\"" + issued.get(1) + "\"");
  }

  @Test
  void aRefusedTokenIsFetchedAgainExactlyOnceAndTheSymbolSubscribedAgain() {
    Symbol eth = Symbol.of("ETH", "USD");
    sent(feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS), new Subscription(eth, StreamChannel.ORDERS))));
    String refusal = "{\"error\":\"ESession:Invalid session\",\"method\":\"subscribe\",\"req_id\":1,\"status\":\"error\","
        + "\"success\":false,\"symbol\":\"%s\",\"time_in\":\"2023-04-19T12:04:41.320119Z\",\"time_out\":\"2023-04-19T12:04:41.980119Z\"}";

    feed.onText(String.format(refusal, "BTC/USD"), out);
    feed.onText(String.format(refusal, "ETH/USD"), out); // the same token, refused for the second symbol
    List<String> again = sent(feed.onOpen(Feed.Open.RESUBSCRIBE));

    assertThat(out.resubscribes).hasSize(1);
    assertThat(tokens.fetches()).isEqualTo(2);
    assertThat(again).singleElement().satisfies(m -> assertThat(m).contains("\"BTC/USD\",\"ETH/USD\"")
        .contains("\"token\":\"" + issued.get(1) + "\"").startsWith("{\"method\":\"subscribe\""));
  }

  @Test
  void aFreshTokenRefusedAgainFailsWithAnAuthenticationExceptionThatNeverShowsIt() {
    sent(feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS))));
    String refusal = "{\"error\":\"ESession:Invalid session\",\"method\":\"subscribe\",\"req_id\":%d,\"success\":false,"
        + "\"symbol\":\"BTC/USD\"}";
    feed.onText(String.format(refusal, 1), out);
    sent(feed.onOpen(Feed.Open.RESUBSCRIBE));

    assertThatThrownBy(() -> feed.onText(String.format(refusal, 2), out))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getMessage()).contains("BTC/USD").contains("WebSocket interface");
          issued.forEach(t -> assertThat(e.getMessage()).doesNotContain(t));
        });
  }

  @Test
  void badLevel3WireInputIsATypedExceptionNamingTheField() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    String order = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":1,\"symbol\":\"BTC/USD\",\"bids\":[],"
        + "\"asks\":[{%s}]}]}";

    assertThatThrownBy(() -> feed.onText(String.format(order, "\"event\":\"replace\",\"order_id\":\"O1\",\"limit_price\":1,"
        + "\"order_qty\":1,\"timestamp\":\"2024-01-08T12:26:46Z\""), out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[0].asks[0].event"));
    assertThatThrownBy(() -> feed.onText(String.format(order, "\"event\":\"add\",\"order_id\":\"O1\",\"limit_price\":1,"
        + "\"order_qty\":-1,\"timestamp\":\"2024-01-08T12:26:46Z\""), out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[0].asks[0].quantity"));
    assertThatThrownBy(() -> feed.onText(String.format(order, "\"event\":\"add\",\"order_id\":\"O1\",\"order_qty\":1,"
        + "\"timestamp\":\"2024-01-08T12:26:46Z\""), out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[0].asks[0].limit_price"));
    assertThatThrownBy(() -> feed.onText(String.format(order, "\"event\":\"add\",\"order_id\":\"O1\",\"limit_price\":1,"
        + "\"order_qty\":1,\"timestamp\":\"yesterday\""), out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[0].asks[0].timestamp"));
    assertThatThrownBy(() -> feed.onText("{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],\"asks\":[]}]}", out))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("data[].checksum"));
  }

  @Test
  void aMalformedLevel3MessageLeavesNoReadableBookBehind() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    String halfGood = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":1,\"symbol\":\"BTC/USD\",\"bids\":[],"
        + "\"asks\":[{\"event\":\"delete\",\"order_id\":\"OFVLAA-HRSSP-BK75KB\",\"limit_price\":44939.5,\"order_qty\":4.52308393,"
        + "\"timestamp\":\"2024-01-08T12:26:46Z\"},{\"event\":\"replace\",\"order_id\":\"O1\",\"limit_price\":1,"
        + "\"order_qty\":1,\"timestamp\":\"2024-01-08T12:26:46Z\"}]}]}";

    assertThatThrownBy(() -> feed.onText(halfGood, out)).isInstanceOf(InvalidResponseException.class);

    assertThat(feed.level3Book(BTC_USD)).isEmpty();
  }

  @Test
  void aVerifiedSnapshotIsReadableAsALevel3BookWithQueuesAndLevelsThatAreTheSumOfTheirOrders() {
    assertThat(feed.level3Book(BTC_USD)).isEmpty();
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    assertThat(feed.level3Book(BTC_USD)).as("not before its snapshot").isEmpty();
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);

    OrdersSnapshotEvent s = out.of(OrdersSnapshotEvent.class).get(0);
    Level3Book book = feed.level3Book(BTC_USD).orElseThrow();
    assertThat(book.bids()).isEqualTo(s.bids());
    assertThat(book.asks()).isEqualTo(s.asks());
    List<BookOrder> queue = book.queue(BookSide.ASK, new BigDecimal("44939.5"));
    assertThat(queue).hasSizeGreaterThan(3).allMatch(o -> o.limitPrice().compareTo(new BigDecimal("44939.5")) == 0);
    assertThat(queue.get(3).orderId()).isEqualTo("OF3X3A-72WZY-6EKA5F");
    OrderBook levels = book.levels();
    assertThat(levels.asks().get(0).size())
        .isEqualByComparingTo(queue.stream().map(BookOrder::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(levels.bids()).hasSizeLessThan(s.bids().size()); // several orders share a level
    assertThat(levels.bids().stream().map(PriceLevel::size).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(s.bids().stream().map(BookOrder::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void aFailedChecksumMakesTheLevel3BookUnreadableAtOnceWithABookInvalidatedUntilTheNextSnapshot() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    String wrong = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":1,\"symbol\":\"BTC/USD\","
        + "\"bids\":[],\"asks\":[{\"event\":\"delete\",\"order_id\":\"OFVLAA-HRSSP-BK75KB\",\"limit_price\":44939.5,"
        + "\"order_qty\":4.52308393,\"timestamp\":\"2024-01-08T12:26:46Z\"}]}]}";

    feed.onText(wrong, out);

    assertThat(feed.level3Book(BTC_USD)).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement().satisfies(i -> {
      assertThat(i.symbol()).isEqualTo(BTC_USD);
      assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.CHECKSUM_MISMATCH);
    });
    assertThat(out.events.indexOf(out.of(BookInvalidated.class).get(0))).isEqualTo(out.events.size() - 1);
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out); // the resubscription's snapshot
    assertThat(feed.level3Book(BTC_USD)).isPresent();
    assertThat(out.of(BookInvalidated.class)).hasSize(1);
  }

  @Test
  void unsubscribingOrdersSendsKrakensLevel3UnsubscribeWithTheTokenAndEndsTheSymbolsBook() {
    Symbol eth = Symbol.of("ETH", "USD");
    sent(feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS), new Subscription(eth, StreamChannel.ORDERS))));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);

    List<String> messages = sent(feed.unsubscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)), out));

    JsonNode unsubscribe = JsonMapper.builder().build().readTree(messages.get(0));
    assertThat(messages).hasSize(1);
    assertThat(unsubscribe.path("method").asString()).isEqualTo("unsubscribe");
    assertThat(unsubscribe.path("params").path("channel").asString()).isEqualTo("level3");
    assertThat(unsubscribe.path("params").path("symbol")).extracting(JsonNode::asString).containsExactly("BTC/USD");
    assertThat(unsubscribe.path("params").path("token").asString()).isEqualTo(issued.get(0));
    assertThat(feed.subscriptions()).containsExactly(new Subscription(eth, StreamChannel.ORDERS));
    assertThat(feed.level3Book(BTC_USD)).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.UNSUBSCRIBED));
    int before = out.events.size();
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out); // in flight before the ack
    assertThat(out.events).hasSize(before);
    assertThat(feed.level3Book(BTC_USD)).isEmpty();
  }

  @Test
  void aDisconnectInvalidatesAReadableLevel3BookOnce() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);

    feed.onDisconnect("connection lost", out);
    feed.onDisconnect("reconnected: books resync on the new connection", out);

    assertThat(feed.level3Book(BTC_USD)).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.DISCONNECTED));
  }

  /**
   * 1,500 generated updates (adds, partial fills, cancels across the top 10 levels and beyond, each
   * with the checksum of the book it leads to): after every message the feed's level3 book equals
   * the generator's, order for order, and no update ever failed its check.
   */
  @Test
  void aLevel3BookKeptOverFifteenHundredUpdatesEqualsTheGeneratedBookAfterEveryMessage() {
    feed.subscribe(List.of(new Subscription(BTC_USD, StreamChannel.ORDERS)));
    feed.onText(Fixtures.json("kraken/ws/level3-checksum-v2-example.json"), out);
    OrdersSnapshotEvent s = out.of(OrdersSnapshotEvent.class).get(0);
    GeneratedLevel3 truth = new GeneratedLevel3(s.bids(), s.asks(), new java.util.Random(13));

    for (int i = 0; i < 1_500; i++) {
      feed.onText(truth.nextUpdate(), out);
      assertThat(feed.level3Book(BTC_USD)).as("after update %d", i).hasValue(truth.book(BTC_USD));
    }

    assertThat(out.gaps).isEmpty();
    assertThat(out.of(BookInvalidated.class)).isEmpty();
    assertThat(out.of(OrderEvent.class)).extracting(OrderEvent::action)
        .contains(OrderEvent.Action.ADD, OrderEvent.Action.MODIFY, OrderEvent.Action.DELETE);
    assertThat(truth.book(BTC_USD).levels().bids()).hasSize(10);
  }
}
