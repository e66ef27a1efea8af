package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.crypto.stream.internal.WireLevels;
import io.tickguard.crypto.stream.internal.WireObjects;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * One Kraken WebSocket v2 message read in one pass, whatever the order of its members (the
 * documented {@code status} message puts {@code data} before {@code type}): the envelope ({@code
 * channel}, {@code type}, {@code method}, {@code success}, {@code error}, {@code result}) and every
 * {@code data} item. Numbers are read exactly from their text: prices and quantities as decimals,
 * the checksum as an unsigned 32-bit value, {@code connection_id} as a {@link BigInteger} (Kraken's
 * documented example does not fit a {@code long}).
 */
final class KrakenMessage {
  String channel;
  String type;
  String method;
  Boolean success;
  String error;
  String resultSymbol;
  String resultChannel;
  /** The top-level {@code symbol} of a refusal, when Kraken names it. */
  String symbol;
  /** The {@code req_id} echoed in an acknowledgement or refusal. */
  Long reqId;
  final List<Item> items = new ArrayList<>();

  /** One order event of a {@code level3} message ({@code event} is null in a snapshot). */
  record L3Order(BookSide side, String event, String orderId, BigDecimal price, BigDecimal qty, String timestamp, String path) {}

  /** One element of {@code data}. */
  static final class Item {
    String symbol;
    String side;
    BigDecimal price;
    BigDecimal qty;
    String tradeId;
    String timestamp;
    BigDecimal bid;
    BigDecimal bidQty;
    BigDecimal ask;
    BigDecimal askQty;
    BigDecimal last;
    BigDecimal volume;
    BigDecimal low;
    BigDecimal high;
    BigDecimal change;
    List<LevelChange> changes;
    List<L3Order> orders;
    long checksum = -1;
    BigInteger connectionId;
    String system;
    String apiVersion;
  }

  static KrakenMessage read(String text) {
    return WireObjects.message(text, new KrakenMessage(), KrakenMessage::member);
  }

  private static boolean member(JsonStream in, KrakenMessage m, String name, JsonToken t, String path) {
    switch (name) {
      case "channel" -> m.channel = in.string("channel");
      case "type" -> m.type = in.string("type");
      case "method" -> m.method = in.string("method");
      case "success" -> m.success = in.bool("success");
      case "error" -> m.error = in.string("error");
      case "symbol" -> m.symbol = in.string("symbol");
      case "req_id" -> m.reqId = integer(in.decimal("req_id"), "req_id").longValue();
      case "result" -> {
        JsonStream.expect(t, JsonToken.START_OBJECT, "result");
        WireObjects.members(in, m, KrakenMessage::result, "result.");
      }
      case "data" -> WireObjects.array(in, t, "data", Item::new, KrakenMessage::item, m.items::add);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean result(JsonStream in, KrakenMessage m, String name, JsonToken v, String path) {
    if (name.equals("symbol") && v == JsonToken.VALUE_STRING) {
      m.resultSymbol = in.string("result.symbol");
    } else if (name.equals("channel")) {
      m.resultChannel = in.string("result.channel");
    } else {
      return false;
    }
    return true;
  }

  private static boolean item(JsonStream in, Item item, String name, JsonToken v, String path) {
    switch (name) {
      case "symbol" -> item.symbol = in.string(path + "symbol");
      case "side" -> item.side = in.string(path + "side");
      case "price" -> item.price = in.decimal(path + "price");
      case "qty" -> item.qty = in.decimal(path + "qty");
      case "trade_id" -> item.tradeId = in.decimal(path + "trade_id").toPlainString();
      case "timestamp" -> item.timestamp = in.string(path + "timestamp");
      case "bid" -> item.bid = in.decimal(path + "bid");
      case "bid_qty" -> item.bidQty = in.decimal(path + "bid_qty");
      case "ask" -> item.ask = in.decimal(path + "ask");
      case "ask_qty" -> item.askQty = in.decimal(path + "ask_qty");
      case "last" -> item.last = in.decimal(path + "last");
      case "volume" -> item.volume = in.decimal(path + "volume");
      case "low" -> item.low = in.decimal(path + "low");
      case "high" -> item.high = in.decimal(path + "high");
      case "change" -> item.change = in.decimal(path + "change");
      case "bids" -> levels(in, v, item, BookSide.BID, path + "bids");
      case "asks" -> levels(in, v, item, BookSide.ASK, path + "asks");
      case "checksum" -> item.checksum = unsigned32(in.decimal(path + "checksum"), path + "checksum");
      case "connection_id" -> item.connectionId = integer(in.decimal(path + "connection_id"), path + "connection_id");
      case "system" -> item.system = in.string(path + "system");
      case "api_version" -> item.apiVersion = in.string(path + "api_version");
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code book}'s {@code [{"price":..,"qty":..}, ...]} (a quantity of zero removes the level) or
   * {@code level3}'s {@code [{"event":..,"order_id":..,"limit_price":..,"order_qty":..,"timestamp":..}, ...]}.
   */
  private static void levels(JsonStream in, JsonToken t, Item item, BookSide side, String path) {
    JsonStream.expect(t, JsonToken.START_ARRAY, path);
    for (int i = 0; in.nextElement(); i++) {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path + "[" + i + "]");
      BigDecimal price = null;
      BigDecimal qty = null;
      String orderId = null;
      String event = null;
      String timestamp = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        switch (name) {
          case "price", "limit_price" -> price = in.decimal(path, i, "." + name);
          case "qty", "order_qty" -> qty = in.decimal(path, i, "." + name);
          case "order_id" -> orderId = in.string(path + "[" + i + "].order_id");
          case "event" -> event = in.string(path + "[" + i + "].event");
          case "timestamp" -> timestamp = in.string(path + "[" + i + "].timestamp");
          default -> in.skipCurrent();
        }
      }
      if (price == null || qty == null) {
        String field = path + "[" + i + "]." + (price == null ? (orderId == null ? "price" : "limit_price")
            : (orderId == null ? "qty" : "order_qty"));
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      if (orderId == null) {
        if (item.changes == null) {
          item.changes = new ArrayList<>();
        }
        item.changes.add(WireLevels.change(side, price, qty, path, i));
      } else {
        if (item.orders == null) {
          item.orders = new ArrayList<>();
        }
        item.orders.add(new L3Order(side, event, orderId, price, qty, timestamp, path + "[" + i + "]"));
      }
    }
  }

  private static long unsigned32(BigDecimal value, String field) {
    BigInteger v = integer(value, field);
    if (v.signum() < 0 || v.bitLength() > 32) {
      throw new InvalidResponseException(field, "Field " + field + " must be an unsigned 32-bit integer");
    }
    return v.longValue();
  }

  private static BigInteger integer(BigDecimal value, String field) {
    try {
      return value.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new InvalidResponseException(field, "Field " + field + " must be an integer");
    }
  }
}
