package io.tickguard.crypto.binance.internal;

import io.tickguard.crypto.binance.BinanceSymbolMapper;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.market.internal.KnownNames;
import io.tickguard.crypto.internal.Levels;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Binance wire format to the unified model. Order books, trades and candles are read from the token
 * stream (they can hold thousands of entries); the small answers through a strict tree.
 */
public final class BinanceDecoders {
  private BinanceDecoders() {}

  /** {@code {"serverTime": 1499827319559}}. */
  public static ResponseDecoder<Instant> serverTime() {
    return r -> JsonTree.epochMillis(JsonTree.object(r.json(), "body"), "serverTime", "serverTime");
  }

  /** {@code exchangeInfo}: one instrument per entry of {@code symbols}. */
  public static ResponseDecoder<List<Instrument>> exchangeInfo() {
    return r -> {
      JsonNode symbols = JsonTree.array(JsonTree.object(r.json(), "body"), "symbols", "symbols");
      List<Instrument> out = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        JsonPath at = JsonPath.element("symbols", i);
        out.add(instrument(JsonTree.object(symbols.get(i), at), at));
      }
      return List.copyOf(out);
    };
  }

  private static Instrument instrument(JsonNode s, JsonPath path) {
    String providerSymbol = JsonTree.text(s, "symbol", path);
    String base = JsonTree.text(s, "baseAsset", path);
    String quote = JsonTree.text(s, "quoteAsset", path);
    String status = JsonTree.text(s, "status", path);
    Optional<BigDecimal> tick = Optional.empty();
    Optional<BigDecimal> step = Optional.empty();
    Optional<BigDecimal> minNotional = Optional.empty();
    JsonNode filters = s.get("filters");
    if (filters != null && !filters.isNull()) {
      JsonTree.array(filters, path.field("filters"));
      for (int i = 0; i < filters.size(); i++) {
        JsonNode f = filters.get(i);
        JsonPath fp = path.child("filters", i);
        String type = JsonTree.text(f, "filterType", fp);
        switch (type) {
          case "PRICE_FILTER":
            tick = positiveOrDisabled(JsonTree.decimal(f, "tickSize", fp));
            break;
          case "LOT_SIZE":
            step = positiveOrDisabled(JsonTree.decimal(f, "stepSize", fp));
            break;
          case "MIN_NOTIONAL":
          case "NOTIONAL":
            minNotional = Optional.of(JsonTree.decimal(f, "minNotional", fp));
            break;
          default:
            break; // other filters (ICEBERG_PARTS, PERCENT_PRICE, ...) do not map to the model
        }
      }
    }
    Optional<BigDecimal> tickSize = tick;
    Optional<BigDecimal> lotSize = step;
    Optional<BigDecimal> notional = minNotional;
    return Models.build(path, () -> new Instrument(
        Symbol.of(base, quote), providerSymbol, tickSize, lotSize, notional, status(status)));
  }

  /** Binance documents 0 as "rule disabled" for tickSize; that is no increment, not a zero one. */
  private static Optional<BigDecimal> positiveOrDisabled(BigDecimal v) {
    return v.signum() == 0 ? Optional.empty() : Optional.of(v);
  }

  public static InstrumentStatus status(String raw) {
    switch (raw) {
      case "TRADING":
        return new InstrumentStatus(InstrumentStatus.Kind.TRADING, raw);
      case "PRE_TRADING":
      case "POST_TRADING":
        return new InstrumentStatus(InstrumentStatus.Kind.RESTRICTED, raw);
      case "HALT":
      case "BREAK":
      case "AUCTION_MATCH":
        return new InstrumentStatus(InstrumentStatus.Kind.HALTED, raw);
      case "END_OF_DAY":
        return new InstrumentStatus(InstrumentStatus.Kind.DELISTED, raw);
      default:
        return new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, raw);
    }
  }

  /**
   * {@code ticker/24hr} for {@code asked} (an object for one symbol, an array otherwise), returned
   * in the order asked; a missing or unexpected symbol is an error.
   */
  public static ResponseDecoder<List<Ticker>> tickers(List<Symbol> asked) {
    return r -> {
      JsonNode root = r.json();
      Map<String, Symbol> byWire = new HashMap<>();
      asked.forEach(s -> byWire.put(BinanceSymbolMapper.INSTANCE.toProvider(s), s));
      Map<Symbol, Ticker> found = new HashMap<>();
      if (root.isObject()) {
        Ticker t = ticker(root, JsonPath.ROOT, byWire);
        found.put(t.symbol(), t);
      } else {
        JsonTree.array(root, "body");
        for (int i = 0; i < root.size(); i++) {
          JsonPath at = JsonPath.element("", i);
          Ticker t = ticker(JsonTree.object(root.get(i), at), at, byWire);
          if (found.put(t.symbol(), t) != null) {
            throw new InvalidResponseException("[" + i + "].symbol", "Symbol " + t.symbol() + " appears twice");
          }
        }
      }
      List<Ticker> out = new ArrayList<>(asked.size());
      for (Symbol s : asked) {
        Ticker t = found.get(s);
        if (t == null) {
          throw new InvalidResponseException("symbol", "No ticker for " + s + " in the response");
        }
        out.add(t);
      }
      return List.copyOf(out);
    };
  }

  /** The members of {@code ticker/price}, numbered as {@link #lastPrice} reads them. */
  private static final KnownNames LAST_PRICE = KnownNames.of("symbol", "price");

  /**
   * {@code ticker/price} for one symbol: {@code {"symbol":"LTCBTC","price":"4.00000200"}}. Bots poll
   * it, so it is streamed: no tree and no map per object, each member checked as it comes (a repeated
   * one is refused, a {@code null} one is missing, others are skipped).
   */
  public static ResponseDecoder<BigDecimal> lastPrice(Symbol asked) {
    String expected = BinanceSymbolMapper.INSTANCE.toProvider(asked);
    return r -> {
      String wire = null;
      BigDecimal price = null;
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_OBJECT, "body");
        for (int m = in.nextMember(LAST_PRICE); m != JsonStream.END; m = in.nextMember(LAST_PRICE)) {
          JsonToken t = in.next();
          if (m == JsonStream.UNKNOWN || t == JsonToken.VALUE_NULL) {
            in.skipCurrent();
          } else if (m == 0) {
            wire = in.string("symbol");
          } else {
            price = in.decimal("price");
          }
        }
        in.end();
      }
      if (wire == null || price == null) {
        String field = wire == null ? "symbol" : "price";
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      if (!wire.equals(expected)) {
        throw new InvalidResponseException("symbol", "Unexpected symbol " + wire + " in the response");
      }
      if (price.signum() <= 0) {
        throw new InvalidResponseException("price", "Field price must be positive");
      }
      return price;
    };
  }

  private static Ticker ticker(JsonNode n, JsonPath path, Map<String, Symbol> byWire) {
    String wire = JsonTree.text(n, "symbol", path);
    Symbol symbol = byWire.get(wire);
    if (symbol == null) {
      throw new InvalidResponseException(path.field("symbol"), "Unexpected symbol " + wire + " in the response");
    }
    BigDecimal last = JsonTree.decimal(n, "lastPrice", path);
    BigDecimal bid = JsonTree.decimal(n, "bidPrice", path);
    BigDecimal ask = JsonTree.decimal(n, "askPrice", path);
    Optional<BigDecimal> open = JsonTree.optionalDecimal(n, "openPrice", path);
    Optional<BigDecimal> high = JsonTree.optionalDecimal(n, "highPrice", path);
    Optional<BigDecimal> low = JsonTree.optionalDecimal(n, "lowPrice", path);
    Optional<BigDecimal> volume = JsonTree.optionalDecimal(n, "volume", path);
    Optional<Instant> time = n.has("closeTime")
        ? Optional.of(JsonTree.epochMillis(n, "closeTime", path))
        : Optional.empty();
    return Models.build(path, () -> new Ticker(symbol, last, bid, ask, open, high, low, volume, time));
  }

  /**
   * {@code depth}: {@code {"lastUpdateId":1,"bids":[["price","qty"],...],"asks":[...]}}, read from the
   * bytes when it is in Binance's compact layout ({@link CompactDepth}), else streamed.
   */
  public static ResponseDecoder<OrderBook> depth(Symbol symbol, int limit) {
    return r -> {
      CompactDepth compact = CompactDepth.read(r.body(), limit);
      if (compact != null) {
        return Models.build("", () -> new OrderBook(symbol, compact.bids(), compact.asks(), Optional.empty()));
      }
      return fullDepth(r, symbol, limit);
    };
  }

  /**
   * {@link #depth}'s full strict reader alone, whatever the body's layout: what the compact path
   * declines to. Package-private so the differential fuzz test can hold the fast path against it.
   */
  static OrderBook fullDepth(ApiResponse r, Symbol symbol, int limit) {
    try (JsonStream in = JsonStream.of(r)) {
      in.next(JsonToken.START_OBJECT, "body");
      List<PriceLevel> bids = null;
      List<PriceLevel> asks = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        if (name.equals("bids")) {
          bids = Levels.read(in, "bids", limit);
        } else if (name.equals("asks")) {
          asks = Levels.read(in, "asks", limit);
        } else {
          in.skipNext();
        }
      }
      in.end();
      List<PriceLevel> b = requireSide(bids, "bids");
      List<PriceLevel> a = requireSide(asks, "asks");
      return Models.build("", () -> new OrderBook(symbol, b, a, Optional.empty()));
    }
  }

  private static List<PriceLevel> requireSide(List<PriceLevel> side, String name) {
    if (side == null) {
      throw new InvalidResponseException(name, "Field " + name + " is missing");
    }
    return side;
  }

  /** {@code trades}: {@code [{"id":..,"price":..,"qty":..,"time":..,"isBuyerMaker":..}]}, streamed. */
  public static ResponseDecoder<List<Trade>> trades(int limit) {
    return r -> {
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_ARRAY, "body");
        List<Trade> out = new ArrayList<>();
        for (int i = 0; in.nextElement(); i++) {
          Levels.requireWithin(i, limit, "body");
          out.add(trade(in, JsonPath.element("", i)));
        }
        in.end();
        return List.copyOf(out);
      }
    };
  }

  private static Trade trade(JsonStream in, JsonPath path) {
    if (in.current() != JsonToken.START_OBJECT) {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path.self());
    }
    Long id = null;
    BigDecimal price = null;
    BigDecimal qty = null;
    Long time = null;
    Boolean buyerMaker = null;
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      in.next();
      switch (name) {
        case "id":
          id = in.integer(path, "id", 0, Long.MAX_VALUE);
          break;
        case "price":
          price = in.decimal(path, "price");
          break;
        case "qty":
          qty = in.decimal(path, "qty");
          break;
        case "time":
          time = in.integer(path, "time");
          break;
        case "isBuyerMaker":
          buyerMaker = in.bool(path, "isBuyerMaker");
          break;
        default:
          in.skipCurrent();
      }
    }
    String tradeId = String.valueOf(required(id, path, "id"));
    BigDecimal p = required(price, path, "price");
    BigDecimal q = required(qty, path, "qty");
    Instant t = Times.epochMillis(required(time, path, "time"), path, "time");
    // The maker bought, so the taker (who sets the trade's side) sold.
    Side side = required(buyerMaker, path, "isBuyerMaker") ? Side.SELL : Side.BUY;
    return Models.build(path, () -> new Trade(tradeId, p, q, side, t));
  }

  /** {@code klines}: {@code [[openTime,"open","high","low","close","volume",closeTime,...]]}, streamed. */
  public static ResponseDecoder<List<Candle>> klines(Interval interval, int limit) {
    return r -> {
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_ARRAY, "body");
        List<Candle> out = new ArrayList<>();
        for (int i = 0; in.nextElement(); i++) {
          Levels.requireWithin(i, limit, "body");
          if (in.current() != JsonToken.START_ARRAY) {
            JsonStream.expect(in.current(), JsonToken.START_ARRAY, "[" + i + "]");
          }
          long openMillis = in.nextInteger("", i, "[0]");
          Instant openTime = openMillis >= 0 && openMillis <= Times.LATEST.toEpochMilli()
              ? Instant.ofEpochMilli(openMillis)
              : Times.epochMillis(openMillis, "[" + i + "][0]"); // refuses, naming the field
          BigDecimal open = in.nextDecimal("", i, "[1]");
          BigDecimal high = in.nextDecimal("", i, "[2]");
          BigDecimal low = in.nextDecimal("", i, "[3]");
          BigDecimal close = in.nextDecimal("", i, "[4]");
          BigDecimal volume = in.nextDecimal("", i, "[5]");
          in.skipRestOfArray();
          out.add(candle(openTime, interval, open, high, low, close, volume, i));
        }
        in.end();
        return List.copyOf(out);
      }
    };
  }

  private static Candle candle(
      Instant t, Interval interval, BigDecimal o, BigDecimal h, BigDecimal l, BigDecimal c, BigDecimal v, int i) {
    try {
      return new Candle(t, interval, o, h, l, c, v);
    } catch (InvalidValueException e) {
      String field = "[" + i + "]." + e.field();
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }

  /** {@code account}: the {@code balances} array. */
  public static ResponseDecoder<List<Balance>> account() {
    return r -> {
      JsonNode balances = JsonTree.array(JsonTree.object(r.json(), "body"), "balances", "balances");
      List<Balance> out = new ArrayList<>(balances.size());
      for (int i = 0; i < balances.size(); i++) {
        JsonPath path = JsonPath.element("balances", i);
        JsonNode b = JsonTree.object(balances.get(i), path);
        String asset = JsonTree.text(b, "asset", path);
        BigDecimal free = JsonTree.decimal(b, "free", path);
        BigDecimal locked = JsonTree.decimal(b, "locked", path);
        out.add(Models.build(path, () -> new Balance(asset, free, locked)));
      }
      return List.copyOf(out);
    };
  }

  /**
   * {@code apiRestrictions}: {@code enableReading} is ACCOUNT_READ, {@code enableSpotAndMarginTrading},
   * {@code enableMargin}, {@code enableFutures}, {@code enableVanillaOptions}, {@code
   * enablePortfolioMarginTrading} and {@code enableFixApiTrade} are TRADE, {@code enableWithdrawals},
   * {@code enableInternalTransfer} and {@code permitsUniversalTransfer} are WITHDRAW (funds leave the
   * account); {@code ipRestrict} is the IP allow-list flag. Flags Binance did not send count as off.
   */
  public static ResponseDecoder<io.tickguard.market.internal.GrantedPermissions> apiRestrictions() {
    return r -> {
      JsonNode body = JsonTree.object(r.json(), "body");
      java.util.Set<io.tickguard.core.auth.Scope> granted = java.util.EnumSet.of(io.tickguard.core.auth.Scope.MARKET_DATA);
      List<String> flags = new ArrayList<>();
      if (flag(body, "enableReading", flags)) {
        granted.add(io.tickguard.core.auth.Scope.ACCOUNT_READ);
      }
      for (String trade : List.of("enableSpotAndMarginTrading", "enableMargin", "enableFutures", "enableVanillaOptions",
          "enablePortfolioMarginTrading", "enableFixApiTrade")) {
        if (flag(body, trade, flags)) {
          granted.add(io.tickguard.core.auth.Scope.TRADE);
        }
      }
      for (String move : List.of("enableWithdrawals", "enableInternalTransfer", "permitsUniversalTransfer")) {
        if (flag(body, move, flags)) {
          granted.add(io.tickguard.core.auth.Scope.WITHDRAW);
        }
      }
      boolean ipRestrict = JsonTree.bool(body, "ipRestrict", "ipRestrict");
      flags.add(0, "ipRestrict=" + ipRestrict);
      return new io.tickguard.market.internal.GrantedPermissions(granted, java.util.Optional.of(ipRestrict), flags);
    };
  }

  private static boolean flag(JsonNode body, String name, List<String> flags) {
    if (!body.has(name)) {
      return false;
    }
    boolean on = JsonTree.bool(body, name, name);
    if (on) {
      flags.add(name + "=true");
    }
    return on;
  }

  private static <T> T required(T value, JsonPath at, String field) {
    if (value == null) {
      String path = at.field(field).toString(); // built only on failure
      throw new InvalidResponseException(path, "Field " + path + " is missing");
    }
    return value;
  }
}
