package io.tickguard.testkit.kraken;

import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.stream.SimBookFeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * One connection's view of one symbol on Kraken's {@code level3} channel, written from Kraken's
 * level3 page and its "Spot Websockets (v2) Level3 Checksum" guide: the simulator's book is an
 * aggregated one, so each price level is shown as one resting order with an id of Kraken's shape.
 * A level entering the subscribed depth is an {@code add}, a changed quantity a {@code modify}, a
 * level the simulator deleted a {@code delete}; a level pushed out of the depth by an insert gets no
 * event (the client truncates, as Kraken documents). Every message carries the CRC32 of the top 10
 * price levels, each order's {@code limit_price} and {@code order_qty} as written on the wire.
 */
final class KrakenLevel3 {
  private static final AtomicLong IDS = new AtomicLong(100_000);

  private final String wire;
  private final int depth;
  private final SimBookFeed feed;
  private final Map<BigDecimal, Order> bids = new HashMap<>();
  private final Map<BigDecimal, Order> asks = new HashMap<>();

  /** An order as last sent: its id and quantity. */
  private record Order(String id, BigDecimal qty) {}

  KrakenLevel3(String wire, int depth, SimBookFeed feed) {
    this.wire = wire;
    this.depth = depth;
    this.feed = feed;
  }

  /** The snapshot message; the view now holds the book's top {@code depth} levels. */
  synchronized String snapshot(Instant now) {
    SimOrderBook book = feed.snapshot(depth);
    bids.clear();
    asks.clear();
    StringBuilder json = new StringBuilder(1024).append("{\"channel\":\"level3\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"")
        .append(wire).append("\",\"checksum\":").append(checksum(book)).append(",\"bids\":");
    orders(json, book.bids(), bids, null, now);
    json.append(",\"asks\":");
    orders(json, book.asks(), asks, null, now);
    return json.append(",\"timestamp\":\"").append(now).append("\"}]}").toString();
  }

  /**
   * The update message for the simulator's latest change {@code diffBids}/{@code diffAsks}, or null
   * when nothing in this view changed.
   */
  synchronized String update(List<SimLevel> diffBids, List<SimLevel> diffAsks, Instant now) {
    SimOrderBook book = feed.snapshot(depth);
    StringBuilder b = new StringBuilder();
    StringBuilder a = new StringBuilder();
    boolean changed = events(b, bids, book.bids(), diffBids, now) | events(a, asks, book.asks(), diffAsks, now);
    if (!changed) {
      return null;
    }
    return "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":" + checksum(book) + ",\"symbol\":\""
        + wire + "\",\"bids\":[" + b + "],\"asks\":[" + a + "],\"timestamp\":\"" + now + "\"}]}";
  }

  private boolean events(StringBuilder out, Map<BigDecimal, Order> view, List<SimLevel> after, List<SimLevel> diff, Instant now) {
    Set<BigDecimal> kept = new HashSet<>();
    after.forEach(l -> kept.add(l.price()));
    boolean changed = false;
    for (SimLevel l : diff) {
      Order gone = view.get(l.price());
      if (l.quantity().signum() == 0 && gone != null) {
        event(out, "delete", gone.id, l.price(), gone.qty, now);
        view.remove(l.price());
        changed = true;
      }
    }
    view.keySet().retainAll(kept); // pushed out of the depth: no event, the client truncates
    for (SimLevel l : after) {
      Order was = view.get(l.price());
      if (was == null) {
        Order o = new Order(newId(), l.quantity());
        view.put(l.price(), o);
        event(out, "add", o.id, l.price(), o.qty, now);
        changed = true;
      } else if (was.qty.compareTo(l.quantity()) != 0) {
        view.put(l.price(), new Order(was.id, l.quantity()));
        event(out, "modify", was.id, l.price(), l.quantity(), now);
        changed = true;
      }
    }
    return changed;
  }

  private void orders(StringBuilder json, List<SimLevel> levels, Map<BigDecimal, Order> view, String event, Instant now) {
    json.append('[');
    for (int i = 0; i < levels.size(); i++) {
      SimLevel l = levels.get(i);
      Order o = new Order(newId(), l.quantity());
      view.put(l.price(), o);
      if (i > 0) {
        json.append(',');
      }
      order(json, event, o.id, l.price(), o.qty, now);
    }
    json.append(']');
  }

  private void event(StringBuilder out, String event, String id, BigDecimal price, BigDecimal qty, Instant now) {
    if (out.length() > 0) {
      out.append(',');
    }
    order(out, event, id, price, qty, now);
  }

  private void order(StringBuilder json, String event, String id, BigDecimal price, BigDecimal qty, Instant now) {
    json.append('{');
    if (event != null) {
      json.append("\"event\":\"").append(event).append("\",");
    }
    json.append("\"order_id\":\"").append(id).append("\",\"limit_price\":").append(price(price))
        .append(",\"order_qty\":").append(qty(qty)).append(",\"timestamp\":\"").append(now).append("\"}");
  }

  /** Kraken's level3 checksum of {@code book} as this view writes it, from the guide. */
  private long checksum(SimOrderBook book) {
    StringBuilder text = new StringBuilder();
    for (SimLevel l : book.asks().subList(0, Math.min(10, book.asks().size()))) {
      text.append(digits(price(l.price()))).append(digits(qty(l.quantity())));
    }
    for (SimLevel l : book.bids().subList(0, Math.min(10, book.bids().size()))) {
      text.append(digits(price(l.price()))).append(digits(qty(l.quantity())));
    }
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  private static String digits(String wireNumber) {
    String s = wireNumber.replace(".", "");
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private String price(BigDecimal p) {
    return p.setScale(Math.max(0, feed.instrument().tickSize().stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  private String qty(BigDecimal q) {
    return q.setScale(Math.max(0, feed.instrument().lotSize().stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String newId() {
    long n = IDS.incrementAndGet();
    return String.format("O%05d-SANDB-%06d", n / 1_000_000 % 100_000, n % 1_000_000);
  }
}
