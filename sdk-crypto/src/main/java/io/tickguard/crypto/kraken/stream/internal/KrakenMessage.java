package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.KnownNames;
import io.tickguard.market.internal.TextCache;
import io.tickguard.crypto.stream.internal.MessageReader;
import io.tickguard.crypto.stream.internal.WireLevels;
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
final class KrakenMessage implements MessageReader.Members {
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
  /** The feed's cache of the values every message repeats (channel, type, symbol, side). */
  private final TextCache texts;

  KrakenMessage(TextCache texts) {
    this.texts = texts;
  }

  /**
   * One order event of a {@code level3} message ({@code event} is null in a snapshot); {@code at} is
   * where it sits in the message, rendered only when something about it is refused.
   */
  record L3Order(BookSide side, String event, String orderId, BigDecimal price, BigDecimal qty, String timestamp, JsonPath at) {
    String path() {
      return at.self();
    }
  }

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

  /** Reads {@code text} with a cache of its own (tests). */
  static KrakenMessage read(String text) {
    return read(text, new TextCache());
  }

  /** Reads {@code text}; {@code texts} is the reading feed's cache of repeated values. */
  static KrakenMessage read(String text, TextCache texts) {
    return readFull(text, texts);
  }

  /**
   * Reads {@code text}, a {@code book} message in Kraken's compact layout through {@code compact}
   * (the feed's fast path, reading with the same {@code texts}), any other message with the full
   * reader.
   */
  static KrakenMessage read(String text, TextCache texts, CompactBook compact) {
    KrakenMessage m = new KrakenMessage(texts);
    return compact.read(text, m) ? m : MessageReader.read(text, m);
  }

  /** Reads {@code text} with the full reader alone (any member order, every refusal). */
  static KrakenMessage readFull(String text, TextCache texts) {
    return MessageReader.read(text, new KrakenMessage(texts));
  }

  /** The top-level members, numbered as {@link #member} switches on them. */
  private static final KnownNames NAMES = KnownNames.of(
      "channel", "type", "method", "success", "error", "symbol", "req_id", "result", "data");

  @Override
  public KnownNames names() {
    return NAMES;
  }

  @Override
  public void member(JsonStream in, int name, JsonToken t) {
    switch (name) {
      case 0 -> channel = in.string(JsonPath.ROOT, "channel", texts);
      case 1 -> type = in.string(JsonPath.ROOT, "type", texts);
      case 2 -> method = in.string("method");
      case 3 -> success = in.bool("success");
      case 4 -> error = in.string("error");
      case 5 -> symbol = in.string("symbol");
      case 6 -> reqId = signed64(in.decimal("req_id"), JsonPath.ROOT, "req_id");
      case 7 -> result(in, t);
      case 8 -> data(in, t);
      default -> in.skipCurrent();
    }
  }


  private void result(JsonStream in, JsonToken t) {
    JsonStream.expect(t, JsonToken.START_OBJECT, "result");
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      JsonToken v = in.next();
      if (name.equals("symbol") && v == JsonToken.VALUE_STRING) {
        resultSymbol = in.string("result.symbol");
      } else if (name.equals("channel")) {
        resultChannel = in.string("result.channel");
      } else {
        in.skipCurrent();
      }
    }
  }

  private void data(JsonStream in, JsonToken t) {
    JsonStream.expect(t, JsonToken.START_ARRAY, "data");
    for (int i = 0; in.nextElement(); i++) {
      JsonPath path = JsonPath.element("data", i);
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path);
      Item item = new Item();
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        JsonToken v = in.next();
        switch (name) {
          case "symbol" -> item.symbol = in.string(path, "symbol", texts);
          case "side" -> item.side = in.string(path, "side", texts);
          case "price" -> item.price = in.decimal(path, "price");
          case "qty" -> item.qty = in.decimal(path, "qty");
          case "trade_id" -> item.tradeId = in.decimal(path, "trade_id").toPlainString();
          case "timestamp" -> item.timestamp = in.string(path, "timestamp");
          case "bid" -> item.bid = in.decimal(path, "bid");
          case "bid_qty" -> item.bidQty = in.decimal(path, "bid_qty");
          case "ask" -> item.ask = in.decimal(path, "ask");
          case "ask_qty" -> item.askQty = in.decimal(path, "ask_qty");
          case "last" -> item.last = in.decimal(path, "last");
          case "volume" -> item.volume = in.decimal(path, "volume");
          case "low" -> item.low = in.decimal(path, "low");
          case "high" -> item.high = in.decimal(path, "high");
          case "change" -> item.change = in.decimal(path, "change");
          case "bids" -> levels(in, v, item, BookSide.BID, path, "bids");
          case "asks" -> levels(in, v, item, BookSide.ASK, path, "asks");
          case "checksum" -> item.checksum = unsigned32(in.decimal(path, "checksum"), path, "checksum");
          case "connection_id" -> item.connectionId = integer(in.decimal(path, "connection_id"), path, "connection_id");
          case "system" -> item.system = in.string(path, "system");
          case "api_version" -> item.apiVersion = in.string(path, "api_version");
          default -> in.skipCurrent();
        }
      }
      items.add(item);
    }
  }

  /**
   * {@code book}'s {@code [{"price":..,"qty":..}, ...]} (a quantity of zero removes the level) or
   * {@code level3}'s {@code [{"event":..,"order_id":..,"limit_price":..,"order_qty":..,"timestamp":..}, ...]}.
   */
  private static void levels(JsonStream in, JsonToken t, Item item, BookSide side, JsonPath path, String member) {
    if (t != JsonToken.START_ARRAY) {
      JsonStream.expect(t, JsonToken.START_ARRAY, path.member(member));
    }
    for (int i = 0; in.nextElement(); i++) {
      if (in.current() != JsonToken.START_OBJECT) {
        JsonStream.expect(in.current(), JsonToken.START_OBJECT, path.child(member, i));
      }
      BigDecimal price = null;
      BigDecimal qty = null;
      String orderId = null;
      String event = null;
      String timestamp = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        switch (name) {
          case "price", "limit_price" -> price = WireLevels.decimal(in, path, member, i, name);
          case "qty", "order_qty" -> qty = WireLevels.decimal(in, path, member, i, name);
          case "order_id" -> orderId = WireLevels.string(in, path, member, i, "order_id");
          case "event" -> event = WireLevels.string(in, path, member, i, "event");
          case "timestamp" -> timestamp = WireLevels.string(in, path, member, i, "timestamp");
          default -> in.skipCurrent();
        }
      }
      if (price == null || qty == null) {
        String field = path.child(member, i).field(price == null ? (orderId == null ? "price" : "limit_price")
            : (orderId == null ? "qty" : "order_qty"));
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      if (orderId == null) {
        if (item.changes == null) {
          item.changes = new ArrayList<>();
        }
        item.changes.add(WireLevels.change(side, price, qty, path, member, i));
      } else {
        if (item.orders == null) {
          item.orders = new ArrayList<>();
        }
        item.orders.add(new L3Order(side, event, orderId, price, qty, timestamp, path.child(member, i)));
      }
    }
  }

  private static long unsigned32(BigDecimal value, JsonPath at, String name) {
    BigInteger v = integer(value, at, name);
    if (v.signum() < 0 || v.bitLength() > 32) {
      String field = at.field(name);
      throw new InvalidResponseException(field, "Field " + field + " must be an unsigned 32-bit integer");
    }
    return v.longValue();
  }

  /** An integer that fits a {@code long}; a larger one is refused, never wrapped by {@code longValue()}. */
  private static long signed64(BigDecimal value, JsonPath at, String name) {
    BigInteger v = integer(value, at, name);
    if (v.bitLength() > 63) {
      String field = at.field(name);
      throw new InvalidResponseException(field, "Field " + field + " must be a signed 64-bit integer, was " + v.bitLength() + " bits");
    }
    return v.longValue();
  }

  private static BigInteger integer(BigDecimal value, JsonPath at, String name) {
    try {
      return value.toBigIntegerExact();
    } catch (ArithmeticException e) {
      String field = at.field(name);
      throw new InvalidResponseException(field, "Field " + field + " must be an integer");
    }
  }
}
