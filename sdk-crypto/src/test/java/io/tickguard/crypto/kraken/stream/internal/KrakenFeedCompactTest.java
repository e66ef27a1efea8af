package io.tickguard.crypto.kraken.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Kraken feed with book messages in the compact layout Kraken sends (the fast path): the same
 * book, events and checks as with the same messages in another layout (the full reader): the
 * checksum after every message, the precision refusal, the resubscription after a failure.
 */
class KrakenFeedCompactTest {
  private static final Symbol BTCUSD = Symbol.of("BTC", "USD");
  /** Where a side that emptied starts again (every snapshot's levels are above 44,990 and below 45,110). */
  private static final BigDecimal MID = new BigDecimal("45000.0");
  private static final String PRETTY_SNAPSHOT = Fixtures.json("kraken/ws/book-checksum-v2-example.json");
  private static final String SNAPSHOT = PRETTY_SNAPSHOT.replaceAll("\\s+", "");

  private static KrakenFeed feed() {
    KrakenFeed feed = new KrakenFeed(s -> new KrakenPrecision(1, 8), 10);
    feed.subscribe(List.of(new Subscription(BTCUSD, StreamChannel.BOOK)));
    return feed;
  }

  /** A feed whose book verified the compact snapshot (its event recorded in {@code out}). */
  private static KrakenFeed synced(RecordingOutput out) {
    KrakenFeed feed = feed();
    feed.onText(SNAPSHOT, out);
    assertThat(feed.book(BTCUSD).orElseThrow().isValid()).isTrue();
    return feed;
  }

  @Test
  void theCompactSnapshotGivesTheBookThePrettyPrintedOneGives() {
    RecordingOutput compact = new RecordingOutput();
    RecordingOutput pretty = new RecordingOutput();
    feed().onText(SNAPSHOT, compact);
    feed().onText(PRETTY_SNAPSHOT, pretty);

    assertThat(compact.of(BookSnapshotEvent.class)).singleElement()
        .satisfies(e -> assertThat(e.book().bids()).hasSize(10))
        .hasToString(pretty.of(BookSnapshotEvent.class).get(0).toString());
  }

  @Test
  void aCompactUpdateWithAWrongChecksumInvalidatesTheBookAndResubscribesOnce() {
    RecordingOutput out = new RecordingOutput();
    KrakenFeed feed = synced(out);

    feed.onText(update("{\"price\":45283.5,\"qty\":0.2}", 12345), out);

    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
    assertThat(out.of(BookInvalidated.class)).singleElement()
        .satisfies(i -> assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.CHECKSUM_MISMATCH));
    assertThat(out.resubscribes).hasSize(1);
  }

  @Test
  void aCompactUpdateWithMoreDecimalsThanThePrecisionInvalidatesTheBookNamingTheLevel() {
    RecordingOutput out = new RecordingOutput();
    KrakenFeed feed = synced(out);

    feed.onText(update("{\"price\":45284.0,\"qty\":0.123456789}", 1), out);

    assertThat(out.of(BookInvalidated.class)).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo(BookInvalidated.Reason.INVALID_DATA);
      assertThat(i.detail()).contains("bids[0].qty").contains("0.123456789").contains("8 decimals");
    });
    assertThat(feed.book(BTCUSD).orElseThrow().snapshot()).isEmpty();
  }

  /**
   * Two thousand random updates of a depth-10 book (new levels, new sizes, removals, one in 40 with
   * a wrong checksum and then a new snapshot), each sent compact to one feed and with a space after
   * every colon (the full reader) to another: both feeds emit exactly the same events.
   */
  @Test
  void randomUpdatesGiveTheSameEventsCompactAsInAnotherLayout() {
    SplittableRandom r = new SplittableRandom(8L);
    KrakenFeed fast = feed();
    KrakenFeed full = feed();
    RecordingOutput fastOut = new RecordingOutput();
    RecordingOutput fullOut = new RecordingOutput();
    TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    String snapshot = snapshot(r, bids, asks);
    send(snapshot, fast, fastOut, full, fullOut);
    int wrong = 0;
    for (int n = 0; n < 2_000; n++) {
      StringBuilder b = new StringBuilder();
      StringBuilder a = new StringBuilder();
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        boolean bid = r.nextBoolean();
        TreeMap<BigDecimal, BigDecimal> side = bid ? bids : asks;
        BigDecimal price;
        BigDecimal qty;
        if (r.nextInt(4) == 0 && !side.isEmpty()) {
          price = new ArrayList<>(side.keySet()).get(r.nextInt(side.size()));
          qty = new BigDecimal("0.00000000");
          side.remove(price);
        } else {
          BigDecimal ticks = BigDecimal.valueOf(1 + r.nextInt(30), 1);
          price = bid ? (asks.isEmpty() ? MID : asks.firstKey()).subtract(ticks) : (bids.isEmpty() ? MID : bids.firstKey()).add(ticks);
          qty = BigDecimal.valueOf(1 + r.nextInt(1_000_000), 8);
          side.put(price, qty);
        }
        StringBuilder to = bid ? b : a;
        to.append(to.length() == 0 ? "" : ",").append("{\"price\":").append(price.toPlainString())
            .append(",\"qty\":").append(qty.toPlainString()).append('}');
      }
      truncate(bids);
      truncate(asks);
      boolean corrupt = r.nextInt(40) == 0;
      long checksum = KrakenChecksum.of(levels(bids), levels(asks), 1, 8) ^ (corrupt ? 1 : 0);
      send(update(b.toString(), a.toString(), checksum), fast, fastOut, full, fullOut);
      if (corrupt) {
        wrong++;
        send(snapshot = snapshot(r, bids, asks), fast, fastOut, full, fullOut);
      }
    }

    assertThat(fastOut.events.toString()).isEqualTo(fullOut.events.toString());
    assertThat(fastOut.resubscribes).isEqualTo(fullOut.resubscribes).hasSize(wrong);
    assertThat(fastOut.of(BookUpdateEvent.class)).hasSize(2_000 - wrong);
    assertThat(fastOut.of(BookInvalidated.class)).hasSize(wrong).isNotEmpty();
    assertThat(fast.book(BTCUSD).orElseThrow().snapshot()).isEqualTo(full.book(BTCUSD).orElseThrow().snapshot()).isPresent();
  }

  /** A compact update of BTC/USD with these bids, no asks. */
  private static String update(String bids, long checksum) {
    return update(bids, "", checksum);
  }

  private static String update(String bids, String asks, long checksum) {
    return "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[" + bids + "],\"asks\":["
        + asks + "],\"checksum\":" + checksum + ",\"timestamp\":\"2023-10-06T17:35:55.440295Z\"}]}";
  }

  private static void send(String compact, KrakenFeed fast, RecordingOutput fastOut, KrakenFeed full, RecordingOutput fullOut) {
    fast.onText(compact, fastOut);
    full.onText(compact.replace("\":", "\": "), fullOut); // a space after each name: outside the compact layout
  }

  /** A new 10-level snapshot around 45,000 (the model sides replaced), as Kraken would send it. */
  private static String snapshot(SplittableRandom r, TreeMap<BigDecimal, BigDecimal> bids, TreeMap<BigDecimal, BigDecimal> asks) {
    bids.clear();
    asks.clear();
    BigDecimal mid = BigDecimal.valueOf(450_000 + r.nextInt(1000), 1);
    for (int i = 1; i <= 10; i++) {
      bids.put(mid.subtract(BigDecimal.valueOf(i, 1)), BigDecimal.valueOf(1 + r.nextInt(1_000_000), 8));
      asks.put(mid.add(BigDecimal.valueOf(i, 1)), BigDecimal.valueOf(1 + r.nextInt(1_000_000), 8));
    }
    return "{\"channel\":\"book\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[" + objects(bids) + "],\"asks\":["
        + objects(asks) + "],\"checksum\":" + KrakenChecksum.of(levels(bids), levels(asks), 1, 8) + "}]}";
  }

  private static String objects(Map<BigDecimal, BigDecimal> side) {
    StringBuilder s = new StringBuilder();
    side.forEach((p, q) -> s.append(s.length() == 0 ? "" : ",").append("{\"price\":").append(p.toPlainString())
        .append(",\"qty\":").append(q.toPlainString()).append('}'));
    return s.toString();
  }

  private static void truncate(TreeMap<BigDecimal, BigDecimal> side) {
    while (side.size() > 10) {
      side.pollLastEntry();
    }
  }

  private static List<PriceLevel> levels(Map<BigDecimal, BigDecimal> side) {
    List<PriceLevel> out = new ArrayList<>();
    side.forEach((p, q) -> out.add(new PriceLevel(p, q)));
    return out;
  }
}
