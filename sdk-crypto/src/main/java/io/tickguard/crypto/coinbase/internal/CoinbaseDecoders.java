package io.tickguard.crypto.coinbase.internal;

import io.tickguard.crypto.coinbase.CoinbaseSymbolMapper;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.crypto.internal.Levels;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Coinbase Advanced Trade wire format to the unified model. Coinbase lists trades and candles newest
 * first; they are returned oldest first, as {@link io.tickguard.crypto.CryptoMarketData} promises.
 */
public final class CoinbaseDecoders {
  /** The order book's members sit below {@code pricebook}. */
  private static final JsonPath PRICEBOOK = JsonPath.ROOT.member("pricebook");

  private CoinbaseDecoders() {}

  /** {@code time}: {@code {"iso":"...","epochSeconds":"...","epochMillis":"..."}}. */
  public static ResponseDecoder<Instant> serverTime() {
    return r -> {
      JsonNode n = JsonTree.object(r.json(), "body");
      return JsonTree.epochMillis(n, "epochMillis", "epochMillis");
    };
  }

  /** {@code market/products}: one instrument per product. */
  public static ResponseDecoder<List<Instrument>> products() {
    return r -> {
      JsonNode products = JsonTree.array(JsonTree.object(r.json(), "body"), "products", "products");
      List<Instrument> out = new ArrayList<>(products.size());
      for (int i = 0; i < products.size(); i++) {
        JsonPath path = JsonPath.element("products", i);
        out.add(instrument(JsonTree.object(products.get(i), path), path));
      }
      return List.copyOf(out);
    };
  }

  private static Instrument instrument(JsonNode p, JsonPath path) {
    String productId = JsonTree.text(p, "product_id", path);
    String base = p.has("base_currency_id") ? JsonTree.text(p, "base_currency_id", path) : null;
    String quote = p.has("quote_currency_id") ? JsonTree.text(p, "quote_currency_id", path) : null;
    Symbol symbol = base != null && quote != null
        ? Models.build(path, () -> Symbol.of(base, quote))
        : CoinbaseSymbolMapper.INSTANCE.fromProvider(productId)
            .orElseThrow(() -> new InvalidResponseException(path.field("product_id"), "Cannot read product " + productId));
    Optional<BigDecimal> tick = JsonTree.optionalDecimal(p, "quote_increment", path);
    Optional<BigDecimal> lot = JsonTree.optionalDecimal(p, "base_increment", path);
    Optional<BigDecimal> minNotional = JsonTree.optionalDecimal(p, "quote_min_size", path);
    String status = JsonTree.text(p, "status", path);
    boolean disabled = p.has("trading_disabled") && JsonTree.bool(p, "trading_disabled", path);
    return Models.build(path, () -> new Instrument(symbol, productId, tick, lot, minNotional, status(status, disabled)));
  }

  public static InstrumentStatus status(String raw, boolean tradingDisabled) {
    if (tradingDisabled) {
      return new InstrumentStatus(InstrumentStatus.Kind.HALTED, raw);
    }
    switch (raw) {
      case "online":
        return new InstrumentStatus(InstrumentStatus.Kind.TRADING, raw);
      case "cancel_only":
      case "post_only":
      case "limit_only":
        return new InstrumentStatus(InstrumentStatus.Kind.RESTRICTED, raw);
      case "offline":
      case "delisted":
        return new InstrumentStatus(InstrumentStatus.Kind.DELISTED, raw);
      default:
        return new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, raw);
    }
  }

  /**
   * {@code market/products/{id}/ticker} read as a ticker: the newest trade gives the last price and
   * time, {@code best_bid}/{@code best_ask} the quote. This route has no 24-hour statistics.
   */
  public static ResponseDecoder<Ticker> ticker(Symbol symbol) {
    return r -> {
      JsonNode n = JsonTree.object(r.json(), "body");
      JsonNode trades = JsonTree.array(n, "trades", "trades");
      if (trades.isEmpty()) {
        throw new InvalidResponseException("trades", "No trade in the response: the last price is unknown");
      }
      JsonNode newest = JsonTree.object(trades.get(0), "trades[0]");
      BigDecimal last = JsonTree.decimal(newest, "price", "trades[0].price");
      Instant time = Times.iso(JsonTree.text(newest, "time", "trades[0].time"), "trades[0].time");
      BigDecimal bid = JsonTree.decimal(n, "best_bid", "best_bid");
      BigDecimal ask = JsonTree.decimal(n, "best_ask", "best_ask");
      return Models.build("", () -> new Ticker(symbol, last, bid, ask, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.of(time)));
    };
  }

  /**
   * {@code market/products/{id}/ticker?limit=1} read for the last trade price only: {@code
   * trades[0].price}, the newest trade, which must be of the product asked. {@code best_bid} and
   * {@code best_ask} are not read. The price must be positive.
   */
  public static ResponseDecoder<BigDecimal> lastPrice(Symbol asked) {
    String expected = CoinbaseSymbolMapper.INSTANCE.toProvider(asked);
    return r -> {
      JsonNode trades = JsonTree.array(JsonTree.object(r.json(), "body"), "trades", "trades");
      if (trades.isEmpty()) {
        throw new InvalidResponseException("trades", "No trade in the response: the last price is unknown");
      }
      JsonPath at = JsonPath.element("trades", 0);
      JsonNode newest = JsonTree.object(trades.get(0), at);
      String product = JsonTree.text(newest, "product_id", at);
      if (!product.equals(expected)) {
        throw new InvalidResponseException(at.field("product_id"), "Unexpected product " + product + " in the response");
      }
      BigDecimal price = JsonTree.decimal(newest, "price", at);
      if (price.signum() <= 0) {
        throw new InvalidResponseException(at.field("price"), "Field " + at.field("price") + " must be positive");
      }
      return price;
    };
  }

  /** {@code market/products/{id}/ticker} trades, streamed and returned oldest first. */
  public static ResponseDecoder<List<Trade>> trades(int limit) {
    return r -> {
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_OBJECT, "body");
        List<Trade> trades = null;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
          if (name.equals("trades")) {
            trades = tradeList(in, limit);
          } else {
            in.skipNext();
          }
        }
        in.end();
        if (trades == null) {
          throw new InvalidResponseException("trades", "Field trades is missing");
        }
        Collections.reverse(trades);
        return List.copyOf(trades);
      }
    };
  }

  private static List<Trade> tradeList(JsonStream in, int limit) {
    in.next(JsonToken.START_ARRAY, "trades");
    List<Trade> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      Levels.requireWithin(i, limit, "trades");
      JsonPath path = JsonPath.element("trades", i);
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path);
      String id = null;
      BigDecimal price = null;
      BigDecimal size = null;
      String time = null;
      Side side = Side.UNKNOWN;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        switch (name) {
          case "trade_id":
            id = in.string(path, "trade_id");
            break;
          case "price":
            price = in.decimal(path, "price");
            break;
          case "size":
            size = in.decimal(path, "size");
            break;
          case "time":
            time = in.string(path, "time");
            break;
          case "side":
            side = side(in.string(path, "side"));
            break;
          default:
            in.skipCurrent();
        }
      }
      String tradeId = required(id, path, "trade_id");
      BigDecimal p = required(price, path, "price");
      BigDecimal s = required(size, path, "size");
      Instant t = Times.iso(required(time, path, "time"), path, "time");
      Side sd = side;
      out.add(Models.build(path, () -> new Trade(tradeId, p, s, sd, t)));
    }
    return out;
  }

  private static Side side(String wire) {
    switch (wire) {
      case "BUY":
        return Side.BUY;
      case "SELL":
        return Side.SELL;
      default:
        return Side.UNKNOWN;
    }
  }

  /** {@code market/product_book}: {@code pricebook.bids/asks} of {@code {"price","size"}}, streamed. */
  public static ResponseDecoder<OrderBook> productBook(Symbol symbol, int limit) {
    return r -> {
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_OBJECT, "body");
        OrderBook book = null;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
          if (name.equals("pricebook")) {
            book = pricebook(in, symbol, limit);
          } else {
            in.skipNext();
          }
        }
        in.end();
        if (book == null) {
          throw new InvalidResponseException("pricebook", "Field pricebook is missing");
        }
        return book;
      }
    };
  }

  private static OrderBook pricebook(JsonStream in, Symbol symbol, int limit) {
    in.next(JsonToken.START_OBJECT, "pricebook");
    List<PriceLevel> bids = null;
    List<PriceLevel> asks = null;
    Optional<Instant> time = Optional.empty();
    String productId = null;
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      switch (name) {
        case "bids":
          bids = levels(in, "bids", limit);
          break;
        case "asks":
          asks = levels(in, "asks", limit);
          break;
        case "time":
          time = Optional.of(Times.iso(in.nextString("pricebook.time"), "pricebook.time"));
          break;
        case "product_id":
          productId = in.nextString("pricebook.product_id");
          break;
        default:
          in.skipNext();
      }
    }
    if (productId != null && !productId.equals(CoinbaseSymbolMapper.INSTANCE.toProvider(symbol))) {
      throw new InvalidResponseException("pricebook.product_id", "Book of " + productId + " returned for " + symbol);
    }
    List<PriceLevel> b = required(bids, "pricebook.bids");
    List<PriceLevel> a = required(asks, "pricebook.asks");
    Optional<Instant> t = time;
    return Models.build("pricebook.", () -> new OrderBook(symbol, b, a, t));
  }

  private static List<PriceLevel> levels(JsonStream in, String member, int limit) {
    in.next();
    JsonStream.expect(in.current(), JsonToken.START_ARRAY, PRICEBOOK.member(member));
    List<PriceLevel> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      if (i >= limit) {
        Levels.requireWithin(i, limit, PRICEBOOK.field(member)); // throws, naming the side
      }
      if (in.current() != JsonToken.START_OBJECT) {
        JsonStream.expect(in.current(), JsonToken.START_OBJECT, PRICEBOOK.child(member, i));
      }
      BigDecimal price = null;
      BigDecimal size = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        if (name.equals("price") || name.equals("size")) {
          BigDecimal d = in.decimalOrNull();
          if (d == null) {
            throw in.invalidDecimal(PRICEBOOK.child(member, i).field(name));
          }
          if (name.equals("price")) {
            price = d;
          } else {
            size = d;
          }
        } else {
          in.skipCurrent();
        }
      }
      if (price == null || size == null) {
        String field = PRICEBOOK.child(member, i).field(price == null ? "price" : "size");
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      out.add(Levels.level(price, size, PRICEBOOK, member, i));
    }
    return out;
  }

  /** {@code candles}: {@code [{"start":"<unix s>","low","high","open","close","volume"}]}, streamed, oldest first. */
  public static ResponseDecoder<List<Candle>> candles(Interval interval, int count) {
    return r -> {
      try (JsonStream in = JsonStream.of(r)) {
        in.next(JsonToken.START_OBJECT, "body");
        List<Candle> candles = null;
        for (String name = in.nextName(); name != null; name = in.nextName()) {
          if (name.equals("candles")) {
            candles = candleList(in, interval, count);
          } else {
            in.skipNext();
          }
        }
        in.end();
        if (candles == null) {
          throw new InvalidResponseException("candles", "Field candles is missing");
        }
        Collections.reverse(candles);
        return List.copyOf(candles);
      }
    };
  }

  private static List<Candle> candleList(JsonStream in, Interval interval, int count) {
    in.next(JsonToken.START_ARRAY, "candles");
    List<Candle> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      Levels.requireWithin(i, count, "candles");
      JsonPath path = JsonPath.element("candles", i);
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path);
      Long start = null;
      BigDecimal open = null;
      BigDecimal high = null;
      BigDecimal low = null;
      BigDecimal close = null;
      BigDecimal volume = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        switch (name) {
          case "start":
            start = in.integer(path, "start");
            break;
          case "open":
            open = in.decimal(path, "open");
            break;
          case "high":
            high = in.decimal(path, "high");
            break;
          case "low":
            low = in.decimal(path, "low");
            break;
          case "close":
            close = in.decimal(path, "close");
            break;
          case "volume":
            volume = in.decimal(path, "volume");
            break;
          default:
            in.skipCurrent();
        }
      }
      Instant t = Times.epochSeconds(required(start, path, "start"), path, "start");
      BigDecimal o = required(open, path, "open");
      BigDecimal h = required(high, path, "high");
      BigDecimal l = required(low, path, "low");
      BigDecimal c = required(close, path, "close");
      BigDecimal v = required(volume, path, "volume");
      out.add(Models.build(path, () -> new Candle(t, interval, o, h, l, c, v)));
    }
    return out;
  }

  /** One page of {@code accounts}: balances plus the cursor of the next page, if any. */
  public static ResponseDecoder<AccountsPage> accounts() {
    return r -> {
      JsonNode n = JsonTree.object(r.json(), "body");
      JsonNode accounts = JsonTree.array(n, "accounts", "accounts");
      List<Balance> out = new ArrayList<>(accounts.size());
      for (int i = 0; i < accounts.size(); i++) {
        JsonPath path = JsonPath.element("accounts", i);
        JsonNode a = JsonTree.object(accounts.get(i), path);
        String currency = JsonTree.text(a, "currency", path);
        BigDecimal free = JsonTree.decimal(JsonTree.object(a, "available_balance", path),
            "value", path.member("available_balance"));
        BigDecimal hold = a.has("hold")
            ? JsonTree.decimal(JsonTree.object(a, "hold", path), "value", path.member("hold"))
            : BigDecimal.ZERO;
        out.add(Models.build(path, () -> new Balance(currency, free, hold)));
      }
      boolean hasNext = n.has("has_next") && JsonTree.bool(n, "has_next", "has_next");
      Optional<String> cursor = hasNext ? Optional.of(JsonTree.text(n, "cursor", "cursor")) : Optional.empty();
      return new AccountsPage(List.copyOf(out), cursor);
    };
  }

  /** A page of balances and the cursor of the next one. */
  public record AccountsPage(List<Balance> balances, Optional<String> next) {}

  private static <T> T required(T value, JsonPath at, String field) {
    if (value == null) {
      String path = at.field(field); // the name is built only when missing
      throw new InvalidResponseException(path, "Field " + path + " is missing");
    }
    return value;
  }

  private static <T> T required(T value, String path) {
    if (value == null) {
      throw new InvalidResponseException(path, "Field " + path + " is missing");
    }
    return value;
  }

  /**
   * {@code key_permissions}: {@code can_view} is ACCOUNT_READ, {@code can_trade} TRADE, {@code
   * can_transfer} WITHDRAW. Coinbase does not report an IP restriction here.
   */
  public static ResponseDecoder<io.tickguard.market.internal.GrantedPermissions> keyPermissions() {
    return r -> {
      JsonNode body = JsonTree.object(r.json(), "body");
      java.util.Set<io.tickguard.core.auth.Scope> granted = java.util.EnumSet.of(io.tickguard.core.auth.Scope.MARKET_DATA);
      java.util.List<String> flags = new java.util.ArrayList<>();
      String[][] map = {{"can_view", "ACCOUNT_READ"}, {"can_trade", "TRADE"}, {"can_transfer", "WITHDRAW"}};
      for (String[] m : map) {
        boolean on = JsonTree.bool(body, m[0], m[0]);
        flags.add(m[0] + "=" + on);
        if (on) {
          granted.add(io.tickguard.core.auth.Scope.valueOf(m[1]));
        }
      }
      return new io.tickguard.market.internal.GrantedPermissions(granted, java.util.Optional.empty(), flags);
    };
  }
}
