package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.book.Level3Book;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic order-level book at depth 10 and the {@code level3} updates that change it, in
 * Kraken's v2 shape: orders added anywhere in a band around the spread (some beyond the top 10, which
 * the receiver truncates, as Kraken documents), partly filled ({@code modify}) or cancelled ({@code
 * delete}), each message with the checksum of the book it leads to.
 */
final class GeneratedLevel3 {
  private static final BigDecimal TICK = new BigDecimal("0.1");
  private static final String TIME = "2024-01-08T12:26:46Z";

  private final TreeMap<BigDecimal, Map<String, BookOrder>> bids = new TreeMap<>(Collections.reverseOrder());
  private final TreeMap<BigDecimal, Map<String, BookOrder>> asks = new TreeMap<>();
  private final Random random;
  private final BigDecimal bestBidCeiling;
  private final BigDecimal bestAskFloor;
  private int ids;

  GeneratedLevel3(List<BookOrder> bidOrders, List<BookOrder> askOrders, Random random) {
    this.random = random;
    bidOrders.forEach(o -> put(bids, o));
    askOrders.forEach(o -> put(asks, o));
    this.bestBidCeiling = bids.firstKey();
    this.bestAskFloor = asks.firstKey();
  }

  /** The generated book now. */
  Level3Book book(Symbol symbol) {
    return new Level3Book(symbol, flatten(bids), flatten(asks));
  }

  /** One update message of one to three events; the book already reflects it. */
  String nextUpdate() {
    StringBuilder b = new StringBuilder();
    StringBuilder a = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      boolean bid = random.nextBoolean();
      step(bid ? BookSide.BID : BookSide.ASK, bid ? b : a);
    }
    truncate(bids);
    truncate(asks);
    long checksum = KrakenChecksum.level3(flatten(bids), flatten(asks));
    return "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":" + checksum
        + ",\"symbol\":\"BTC/USD\",\"bids\":[" + b + "],\"asks\":[" + a + "]}]}";
  }

  private void step(BookSide side, StringBuilder out) {
    TreeMap<BigDecimal, Map<String, BookOrder>> book = side == BookSide.BID ? bids : asks;
    int choice = random.nextInt(10);
    if (choice < 4 || book.size() < 3) {
      int ticks = random.nextInt(14); // 0..13 ticks from the best allowed price: some land beyond the top 10
      BigDecimal price = side == BookSide.BID
          ? bestBidCeiling.subtract(TICK.multiply(BigDecimal.valueOf(ticks)))
          : bestAskFloor.add(TICK.multiply(BigDecimal.valueOf(ticks)));
      BookOrder o = new BookOrder("OGEN" + (++ids), side, price, quantity(), Instant.parse(TIME));
      put(book, o);
      event(out, "add", o);
      return;
    }
    List<BookOrder> all = flatten(book);
    BookOrder o = all.get(random.nextInt(all.size()));
    if (choice < 7) {
      BookOrder filled = new BookOrder(o.orderId(), side, o.limitPrice(), quantity(), Instant.parse(TIME));
      put(book, filled);
      event(out, "modify", filled);
    } else {
      Map<String, BookOrder> level = book.get(o.limitPrice());
      level.remove(o.orderId());
      if (level.isEmpty()) {
        book.remove(o.limitPrice());
      }
      event(out, "delete", o);
    }
  }

  private BigDecimal quantity() {
    return BigDecimal.valueOf(1 + random.nextInt(500_000_000), 8);
  }

  private static void event(StringBuilder out, String event, BookOrder o) {
    if (out.length() > 0) {
      out.append(',');
    }
    out.append("{\"event\":\"").append(event).append("\",\"order_id\":\"").append(o.orderId())
        .append("\",\"limit_price\":").append(o.limitPrice().toPlainString()).append(",\"order_qty\":")
        .append(o.quantity().toPlainString()).append(",\"timestamp\":\"").append(TIME).append("\"}");
  }

  private static void put(TreeMap<BigDecimal, Map<String, BookOrder>> side, BookOrder o) {
    side.computeIfAbsent(o.limitPrice(), p -> new LinkedHashMap<>()).put(o.orderId(), o);
  }

  private static void truncate(TreeMap<BigDecimal, Map<String, BookOrder>> side) {
    while (side.size() > 10) {
      side.pollLastEntry();
    }
  }

  private static List<BookOrder> flatten(TreeMap<BigDecimal, Map<String, BookOrder>> side) {
    List<BookOrder> out = new ArrayList<>();
    side.values().forEach(level -> out.addAll(level.values()));
    return out;
  }
}
