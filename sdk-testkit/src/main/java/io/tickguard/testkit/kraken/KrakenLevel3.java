package io.tickguard.testkit.kraken;

import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.stream.SimBookFeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * One connection's view of one symbol on Kraken's {@code level3} channel, written from Kraken's
 * level3 page and its "Spot Websockets (v2) Level3 Checksum" guide. The simulator's book is an
 * aggregated one; this view turns its changes into orders the way an exchange queue behaves: a level
 * entering the subscribed depth is one {@code add}ed order, a quantity that grew is a new order at
 * the back of the level's queue, a quantity that shrank is taken from the front of the queue
 * ({@code delete} of the orders it used up, a {@code modify} of the one it partly filled), a level
 * the simulator deleted is a {@code delete} of each of its orders, and a level pushed out of the
 * depth by an insert gets no event (the client truncates, as Kraken documents). So levels hold
 * several orders. Every message carries the CRC32 of the orders of the top 10 price levels, each
 * order's {@code limit_price} and {@code order_qty} as written on the wire, computed here from this
 * view's own orders.
 */
final class KrakenLevel3 {
  private static final AtomicLong IDS = new AtomicLong(100_000);

  private final String wire;
  private final int depth;
  private final SimBookFeed feed;
  private final TreeMap<BigDecimal, List<Order>> bids = new TreeMap<>(Collections.reverseOrder());
  private final TreeMap<BigDecimal, List<Order>> asks = new TreeMap<>();

  /** An order as last sent: its id and quantity. */
  private record Order(String id, BigDecimal qty) {}

  KrakenLevel3(String wire, int depth, SimBookFeed feed) {
    this.wire = wire;
    this.depth = depth;
    this.feed = feed;
  }

  /**
   * The snapshot message (its checksum off by one when {@code corrupt}); the view now holds the
   * book's top {@code depth} levels, one order each.
   */
  synchronized String snapshot(Instant now, boolean corrupt) {
    SimOrderBook book = feed.snapshot(depth);
    bids.clear();
    asks.clear();
    book.bids().forEach(l -> bids.put(l.price(), new ArrayList<>(List.of(new Order(newId(), l.quantity())))));
    book.asks().forEach(l -> asks.put(l.price(), new ArrayList<>(List.of(new Order(newId(), l.quantity())))));
    StringBuilder json = new StringBuilder(1024).append("{\"channel\":\"level3\",\"type\":\"snapshot\",\"data\":[{\"symbol\":\"")
        .append(wire).append("\",\"checksum\":").append(checksum(corrupt)).append(",\"bids\":[");
    all(json, bids, now);
    json.append("],\"asks\":[");
    all(json, asks, now);
    return json.append("],\"timestamp\":\"").append(now).append("\"}]}").toString();
  }

  /**
   * The update message for the simulator's latest change {@code diffBids}/{@code diffAsks} (its
   * checksum off by one when {@code corrupt}), or null when nothing in this view changed.
   */
  synchronized String update(List<SimLevel> diffBids, List<SimLevel> diffAsks, Instant now, boolean corrupt) {
    SimOrderBook book = feed.snapshot(depth);
    StringBuilder b = new StringBuilder();
    StringBuilder a = new StringBuilder();
    boolean changed = events(b, bids, book.bids(), diffBids, now) | events(a, asks, book.asks(), diffAsks, now);
    if (!changed) {
      return null;
    }
    return "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[{\"checksum\":" + checksum(corrupt) + ",\"symbol\":\""
        + wire + "\",\"bids\":[" + b + "],\"asks\":[" + a + "],\"timestamp\":\"" + now + "\"}]}";
  }

  /** The orders as last sent: bids best first, then asks best first, each level in queue order. */
  synchronized List<KrakenLevel3Order> orders() {
    List<KrakenLevel3Order> out = new ArrayList<>();
    bids.forEach((p, q) -> q.forEach(o -> out.add(new KrakenLevel3Order("bid", o.id, new BigDecimal(price(p)), new BigDecimal(qty(o.qty))))));
    asks.forEach((p, q) -> q.forEach(o -> out.add(new KrakenLevel3Order("ask", o.id, new BigDecimal(price(p)), new BigDecimal(qty(o.qty))))));
    return out;
  }

  private boolean events(StringBuilder out, TreeMap<BigDecimal, List<Order>> view, List<SimLevel> after, List<SimLevel> diff, Instant now) {
    Set<BigDecimal> kept = new HashSet<>();
    after.forEach(l -> kept.add(l.price()));
    boolean changed = false;
    for (SimLevel l : diff) {
      List<Order> gone = view.get(l.price());
      if (l.quantity().signum() == 0 && gone != null) {
        gone.forEach(o -> event(out, "delete", o.id, l.price(), o.qty, now));
        view.remove(l.price());
        changed = true;
      }
    }
    view.keySet().retainAll(kept); // pushed out of the depth: no event, the client truncates
    for (SimLevel l : after) {
      List<Order> queue = view.get(l.price());
      if (queue == null) {
        Order o = new Order(newId(), l.quantity());
        view.put(l.price(), new ArrayList<>(List.of(o)));
        event(out, "add", o.id, l.price(), o.qty, now);
        changed = true;
        continue;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (Order o : queue) {
        total = total.add(o.qty);
      }
      int cmp = l.quantity().compareTo(total);
      if (cmp > 0) {
        Order o = new Order(newId(), l.quantity().subtract(total));
        queue.add(o);
        event(out, "add", o.id, l.price(), o.qty, now);
        changed = true;
      } else if (cmp < 0) {
        take(out, queue, l.price(), total.subtract(l.quantity()), now);
        changed = true;
      }
    }
    return changed;
  }

  /** Fills {@code amount} from the front of {@code queue}: whole orders deleted, the last one modified. */
  private void take(StringBuilder out, List<Order> queue, BigDecimal price, BigDecimal amount, Instant now) {
    BigDecimal left = amount;
    while (left.signum() > 0) {
      Order first = queue.get(0);
      if (first.qty.compareTo(left) <= 0) {
        queue.remove(0);
        event(out, "delete", first.id, price, first.qty, now);
        left = left.subtract(first.qty);
      } else {
        Order rest = new Order(first.id, first.qty.subtract(left));
        queue.set(0, rest);
        event(out, "modify", rest.id, price, rest.qty, now);
        left = BigDecimal.ZERO;
      }
    }
  }

  private void all(StringBuilder json, TreeMap<BigDecimal, List<Order>> view, Instant now) {
    StringBuilder orders = new StringBuilder();
    view.forEach((p, q) -> q.forEach(o -> event(orders, null, o.id, p, o.qty, now)));
    json.append(orders);
  }

  private void event(StringBuilder out, String event, String id, BigDecimal price, BigDecimal qty, Instant now) {
    if (out.length() > 0) {
      out.append(',');
    }
    out.append('{');
    if (event != null) {
      out.append("\"event\":\"").append(event).append("\",");
    }
    out.append("\"order_id\":\"").append(id).append("\",\"limit_price\":").append(price(price))
        .append(",\"order_qty\":").append(qty(qty)).append(",\"timestamp\":\"").append(now).append("\"}");
  }

  /** Kraken's level3 checksum of this view's orders, from the guide. */
  private long checksum(boolean corrupt) {
    StringBuilder text = new StringBuilder();
    top(text, asks);
    top(text, bids);
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
    return corrupt ? (crc.getValue() + 1) & 0xFFFFFFFFL : crc.getValue();
  }

  private void top(StringBuilder text, TreeMap<BigDecimal, List<Order>> side) {
    int levels = 0;
    for (Map.Entry<BigDecimal, List<Order>> level : side.entrySet()) {
      if (levels++ == 10) {
        return;
      }
      for (Order o : level.getValue()) {
        text.append(digits(price(level.getKey()))).append(digits(qty(o.qty)));
      }
    }
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
