package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.crypto.stream.internal.WireLevels;
import io.tickguard.crypto.stream.internal.WireObjects;
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
final class CoinbaseMessage {
  String channel;
  String type;
  String message;
  long sequence = -1;
  final List<Event> events = new ArrayList<>();

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

  static CoinbaseMessage read(String text) {
    return WireObjects.message(text, new CoinbaseMessage(), CoinbaseMessage::member);
  }

  private static boolean member(JsonStream in, CoinbaseMessage m, String name, JsonToken t, String path) {
    switch (name) {
      case "channel" -> m.channel = in.string("channel");
      case "type" -> m.type = in.string("type");
      case "message" -> m.message = in.string("message");
      case "sequence_num" -> m.sequence = in.integer("sequence_num");
      case "events" -> WireObjects.array(in, t, "events", Event::new, CoinbaseMessage::event, m.events::add);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean event(JsonStream in, Event e, String name, JsonToken v, String path) {
    switch (name) {
      case "type" -> e.type = in.string(path + "type");
      case "product_id" -> e.productId = in.string(path + "product_id");
      case "updates" -> e.updates = updates(in, v, path + "updates");
      case "trades", "tickers" -> WireObjects.array(in, v, path + name, Item::new, CoinbaseMessage::item, e.items::add);
      case "heartbeat_counter" -> e.heartbeatCounter = in.integer(path + "heartbeat_counter");
      default -> {
        return false;
      }
    }
    return true;
  }

  private static List<LevelChange> updates(JsonStream in, JsonToken t, String path) {
    List<LevelChange> out = new ArrayList<>();
    WireLevels.readObjects(in, t, path, WireLevels.ObjectLevel.sided("price_level", "new_quantity", "side"), out);
    return out;
  }

  private static boolean item(JsonStream in, Item item, String name, JsonToken v, String p) {
    switch (name) {
      case "product_id" -> item.productId = in.string(p + "product_id");
      case "trade_id" -> item.tradeId = in.string(p + "trade_id");
      case "price" -> item.price = in.decimal(p + "price");
      case "size" -> item.size = in.decimal(p + "size");
      case "side" -> item.side = in.string(p + "side");
      case "time" -> item.time = in.string(p + "time");
      case "best_bid" -> item.bestBid = in.decimal(p + "best_bid");
      case "best_ask" -> item.bestAsk = in.decimal(p + "best_ask");
      case "low_24_h" -> item.low = in.decimal(p + "low_24_h");
      case "high_24_h" -> item.high = in.decimal(p + "high_24_h");
      case "volume_24_h" -> item.volume = in.decimal(p + "volume_24_h");
      case "price_percent_chg_24_h" -> item.changePercent = in.decimal(p + "price_percent_chg_24_h");
      default -> {
        return false;
      }
    }
    return true;
  }
}
