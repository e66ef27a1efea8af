package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.KnownNames;
import io.tickguard.market.internal.TextCache;
import io.tickguard.crypto.stream.internal.MessageReader;
import io.tickguard.crypto.stream.internal.WireLevels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * One Coinbase Advanced Trade WebSocket message read in one pass: the envelope ({@code channel},
 * {@code sequence_num}, {@code type}/{@code message} of errors) and each event of {@code events}
 * ({@code l2_data} updates, {@code market_trades} trades, {@code ticker} tickers, {@code heartbeats}
 * counters). Prices and sizes are decimal strings read exactly.
 */
final class CoinbaseMessage implements MessageReader.Members {
  /** The members of an element of {@code events}, numbered as {@link #events} switches on them. */
  private static final KnownNames EVENT = KnownNames.of("type", "product_id", "updates", "trades", "tickers", "heartbeat_counter");

  String channel;
  String type;
  String message;
  long sequence = -1;
  final List<Event> events = new ArrayList<>();
  /** The feed's cache of the values every message repeats (channel, event type, product, side). */
  private final TextCache texts;
  /** The updates of the event being read; reused: copied once into the event's immutable list. */
  private final List<LevelChange> updateScratch = new ArrayList<>();
  /** The reader of {@code l2_data} messages in Coinbase's compact layout; the rest is read in full. */
  private final CompactLevel2 compact;

  CoinbaseMessage(TextCache texts) {
    this.texts = texts;
    this.compact = new CompactLevel2(texts);
  }

  /** One element of {@code events}. */
  static final class Event {
    String type;
    String productId;
    List<LevelChange> updates;
    final List<Item> items = new ArrayList<>();
    long heartbeatCounter = -1;
  }

  /** A trade or a ticker. */
  static final class Item {
    String productId;
    String tradeId;
    BigDecimal price;
    BigDecimal size;
    String side;
    String time;
    BigDecimal bestBid;
    BigDecimal bestAsk;
    BigDecimal low;
    BigDecimal high;
    BigDecimal volume;
    BigDecimal changePercent;
  }

  /**
   * Reads {@code text} into this message, cleared first: one instance per feed, reused for every
   * message on the reader thread (the events read are used before the next message is read).
   */
  CoinbaseMessage read(String text) {
    channel = null;
    type = null;
    message = null;
    sequence = -1;
    events.clear();
    return compact.read(text, this) ? this : MessageReader.read(text, this);
  }

  /**
   * The top-level members, numbered as {@link #member} switches on them; {@code client_id} and
   * {@code timestamp} are named only to be skipped by number (every message carries them).
   */
  private static final KnownNames NAMES = KnownNames.of(
      "channel", "sequence_num", "events", "type", "message", "client_id", "timestamp");

  @Override
  public KnownNames names() {
    return NAMES;
  }

  @Override
  public void member(JsonStream in, int name, JsonToken t) {
    switch (name) {
      case 0 -> channel = in.string(JsonPath.ROOT, "channel", texts);
      case 1 -> sequence = in.integer("sequence_num");
      case 2 -> events(in, t);
      case 3 -> type = in.string("type");
      case 4 -> message = in.string("message");
      default -> in.skipCurrent();
    }
  }


  private void events(JsonStream in, JsonToken t) {
    JsonStream.expect(t, JsonToken.START_ARRAY, "events");
    for (int i = 0; in.nextElement(); i++) {
      JsonPath path = JsonPath.element("events", i);
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path);
      Event e = new Event();
      for (int m = in.nextMember(EVENT); m != JsonStream.END; m = in.nextMember(EVENT)) {
        JsonToken v = in.next();
        switch (m) {
          case 0 -> e.type = in.string(path, "type", texts);
          case 1 -> e.productId = in.string(path, "product_id", texts);
          case 2 -> e.updates = updates(in, v, path);
          case 3, 4 -> items(in, v, e, path, EVENT.name(m));
          case 5 -> e.heartbeatCounter = in.integer(path, "heartbeat_counter");
          default -> in.skipCurrent();
        }
      }
      events.add(e);
    }
  }

  private static final WireLevels.ObjectLevel UPDATE = WireLevels.ObjectLevel.sided("price_level", "new_quantity", "side", "event_time");

  private List<LevelChange> updates(JsonStream in, JsonToken t, JsonPath path) {
    updateScratch.clear();
    WireLevels.readObjects(in, t, path, "updates", UPDATE, texts, updateScratch);
    return WireLevels.immutableCopy(updateScratch); // immutable once: the book event keeps it without another copy
  }

  private static void items(JsonStream in, JsonToken t, Event e, JsonPath path, String member) {
    JsonStream.expect(t, JsonToken.START_ARRAY, path.member(member));
    for (int i = 0; in.nextElement(); i++) {
      JsonPath p = path.child(member, i);
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, p);
      Item item = new Item();
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        switch (name) {
          case "product_id" -> item.productId = in.string(p, "product_id");
          case "trade_id" -> item.tradeId = in.string(p, "trade_id");
          case "price" -> item.price = in.decimal(p, "price");
          case "size" -> item.size = in.decimal(p, "size");
          case "side" -> item.side = in.string(p, "side");
          case "time" -> item.time = in.string(p, "time");
          case "best_bid" -> item.bestBid = in.decimal(p, "best_bid");
          case "best_ask" -> item.bestAsk = in.decimal(p, "best_ask");
          case "low_24_h" -> item.low = in.decimal(p, "low_24_h");
          case "high_24_h" -> item.high = in.decimal(p, "high_24_h");
          case "volume_24_h" -> item.volume = in.decimal(p, "volume_24_h");
          case "price_percent_chg_24_h" -> item.changePercent = in.decimal(p, "price_percent_chg_24_h");
          default -> in.skipCurrent();
        }
      }
      e.items.add(item);
    }
  }
}
