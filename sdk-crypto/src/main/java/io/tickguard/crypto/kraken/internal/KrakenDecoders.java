package io.tickguard.crypto.kraken.internal;

import io.tickguard.crypto.kraken.KrakenSymbolMapper;
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
import io.tickguard.market.internal.Times;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.crypto.internal.Levels;
import io.tickguard.market.internal.Models;
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
 * Kraken wire format to the unified model. Results are keyed by Kraken's pair name, which may differ
 * from the name asked ({@code XBTUSD} is answered as {@code XXBTZUSD}); keys are read back through
 * {@link KrakenSymbolMapper} and must name the pair asked.
 */
public final class KrakenDecoders {
  /** The most decimals an asset is divisible into (Ether's wei is 10^-18); a scale beyond is refused. */
  static final int MAX_DECIMALS = 18;

  /** Every pair, order book, trade list and balance sits below {@code result}. */
  private static final JsonPath RESULT = JsonPath.ROOT.member("result");

  private KrakenDecoders() {}

  /** {@code Time}: {@code result.unixtime} in seconds. */
  public static ResponseDecoder<Instant> serverTime() {
    return r -> JsonTree.epochSeconds(KrakenEnvelope.result(r), "unixtime", "result.unixtime");
  }

  /** {@code AssetPairs}: one instrument per pair. */
  public static ResponseDecoder<List<Instrument>> assetPairs() {
    return r -> {
      List<Instrument> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : KrakenEnvelope.result(r).properties()) {
        JsonPath path = RESULT.member(e.getKey());
        JsonNode p = JsonTree.object(e.getValue(), path);
        String altname = JsonTree.text(p, "altname", path);
        String wsname = p.has("wsname") ? JsonTree.text(p, "wsname", path) : altname;
        Symbol symbol = KrakenSymbolMapper.INSTANCE.fromProvider(wsname)
            .orElseThrow(() -> new InvalidResponseException(path.field("wsname"), "Cannot read pair " + wsname));
        Optional<BigDecimal> tick = JsonTree.optionalDecimal(p, "tick_size", path);
        Optional<BigDecimal> lot = p.has("lot_decimals")
            ? Optional.of(BigDecimal.ONE.movePointLeft((int) JsonTree.integer(p, "lot_decimals", path, 0, MAX_DECIMALS)))
            : Optional.empty();
        Optional<BigDecimal> costMin = JsonTree.optionalDecimal(p, "costmin", path);
        String status = p.has("status") ? JsonTree.text(p, "status", path) : "online";
        out.add(Models.build(path, () -> new Instrument(symbol, altname, tick, lot, costMin, status(status))));
      }
      return List.copyOf(out);
    };
  }

  public static InstrumentStatus status(String raw) {
    switch (raw) {
      case "online":
        return new InstrumentStatus(InstrumentStatus.Kind.TRADING, raw);
      case "cancel_only":
      case "post_only":
      case "limit_only":
      case "reduce_only":
        return new InstrumentStatus(InstrumentStatus.Kind.RESTRICTED, raw);
      case "maintenance":
        return new InstrumentStatus(InstrumentStatus.Kind.HALTED, raw);
      case "delisted":
        return new InstrumentStatus(InstrumentStatus.Kind.DELISTED, raw);
      default:
        return new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, raw);
    }
  }

  /** {@code Ticker} for {@code asked}, in the order asked. */
  public static ResponseDecoder<List<Ticker>> tickers(List<Symbol> asked) {
    return r -> {
      Map<Symbol, Ticker> found = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : KrakenEnvelope.result(r).properties()) {
        JsonPath path = RESULT.member(e.getKey());
        Symbol symbol = pairOf(e.getKey(), asked, asked.size() == 1, path);
        Ticker t = ticker(symbol, JsonTree.object(e.getValue(), path), path);
        if (found.put(symbol, t) != null) {
          // Two keys for one pair (XBTUSD and XXBTZUSD): which one is right cannot be known.
          throw new InvalidResponseException(path.self(), "Pair " + symbol + " appears twice in the response");
        }
      }
      List<Ticker> out = new ArrayList<>(asked.size());
      for (Symbol s : asked) {
        Ticker t = found.get(s);
        if (t == null) {
          throw new InvalidResponseException("result", "No ticker for " + s + " in the response");
        }
        out.add(t);
      }
      return List.copyOf(out);
    };
  }

  /**
   * {@code Ticker} for one pair read for its last trade price only: {@code result.<pair>.c[0]}
   * ("last trade closed", {@code [price, lot volume]}). The other members are not read, so an answer
   * whose 24-hour figures would fail a full ticker still yields its last price. Exactly one pair,
   * the one asked, must be answered; the price must be positive.
   */
  public static ResponseDecoder<BigDecimal> lastPrice(Symbol asked) {
    List<Symbol> only = List.of(asked);
    return r -> {
      BigDecimal price = null;
      for (Map.Entry<String, JsonNode> e : KrakenEnvelope.result(r).properties()) {
        JsonPath path = RESULT.member(e.getKey());
        if (price != null) {
          throw new InvalidResponseException(path.self(), "Expected one pair in the result, found a second: " + e.getKey());
        }
        pairOf(e.getKey(), only, true, path);
        price = first(JsonTree.object(e.getValue(), path), "c", path);
        if (price.signum() <= 0) {
          throw new InvalidResponseException(path.field("c[0]"), "Field " + path.field("c[0]") + " must be positive");
        }
      }
      if (price == null) {
        throw new InvalidResponseException("result", "No ticker for " + asked + " in the response");
      }
      return price;
    };
  }

  private static Ticker ticker(Symbol symbol, JsonNode t, JsonPath path) {
    BigDecimal ask = first(t, "a", path);
    BigDecimal bid = first(t, "b", path);
    BigDecimal last = first(t, "c", path);
    // v, l, h: [today, last 24 hours]; o: today's opening price (Kraken publishes no 24h open).
    Optional<BigDecimal> volume = Optional.of(second(t, "v", path));
    Optional<BigDecimal> low = Optional.of(second(t, "l", path));
    Optional<BigDecimal> high = Optional.of(second(t, "h", path));
    Optional<BigDecimal> open = JsonTree.optionalDecimal(t, "o", path);
    return Models.build(path, () -> new Ticker(symbol, last, bid, ask, open, high, low, volume, Optional.empty()));
  }

  private static BigDecimal first(JsonNode t, String name, JsonPath path) {
    return JsonTree.decimal(JsonTree.array(t, name, path).get(0), path, name + "[0]");
  }

  private static BigDecimal second(JsonNode t, String name, JsonPath path) {
    return JsonTree.decimal(JsonTree.array(t, name, path).get(1), path, name + "[1]");
  }

  /**
   * The asked symbol a result key names. A key this mapper cannot read is accepted only when a
   * single pair was asked and the key is the only one (Kraken renames pairs, it never adds any).
   */
  private static Symbol pairOf(String key, List<Symbol> asked, boolean single, JsonPath path) {
    Optional<Symbol> read = KrakenSymbolMapper.INSTANCE.fromProvider(key);
    if (read.isPresent() && asked.contains(read.get())) {
      return read.get();
    }
    if (read.isEmpty() && single) {
      return asked.get(0);
    }
    throw new InvalidResponseException(path.self(), "Unexpected pair " + key + " in the response; asked for " + asked);
  }

  /** {@code Depth}: streamed; {@code result.<pair>.asks/bids} of {@code [price, volume, timestamp]}. */
  public static ResponseDecoder<OrderBook> depth(Symbol symbol, int count) {
    return r -> KrakenEnvelope.streamed(r, in -> {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, "result");
      OrderBook book = null;
      for (String key = in.nextName(); key != null; key = in.nextName()) {
        JsonPath path = RESULT.member(key);
        if (book != null) {
          throw new InvalidResponseException(path.self(), "Expected one pair in the result, found a second: " + key);
        }
        pairOf(key, List.of(symbol), true, path);
        book = book(in, symbol, path, count);
      }
      if (book == null) {
        throw new InvalidResponseException("result", "No book for " + symbol + " in the response");
      }
      return book;
    });
  }

  private static OrderBook book(JsonStream in, Symbol symbol, JsonPath path, int count) {
    in.next();
    JsonStream.expect(in.current(), JsonToken.START_OBJECT, path);
    List<PriceLevel> bids = null;
    List<PriceLevel> asks = null;
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      if (name.equals("bids")) {
        bids = Levels.read(in, path, "bids", count);
      } else if (name.equals("asks")) {
        asks = Levels.read(in, path, "asks", count);
      } else {
        in.skipNext();
      }
    }
    if (bids == null || asks == null) {
      throw new InvalidResponseException(path.field(bids == null ? "bids" : "asks"), "Book side is missing");
    }
    List<PriceLevel> b = bids;
    List<PriceLevel> a = asks;
    return Models.build(path, () -> new OrderBook(symbol, b, a, Optional.empty()));
  }

  /**
   * {@code Trades}: streamed; {@code [price, volume, time, "b"|"s", "m"|"l", misc, trade_id?]}.
   * Older answers (and the documented sample) have no trade id; one is derived from time and index.
   */
  public static ResponseDecoder<List<Trade>> trades(Symbol symbol, int count) {
    return r -> KrakenEnvelope.streamed(r, in -> {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, "result");
      List<Trade> trades = null;
      for (String key = in.nextName(); key != null; key = in.nextName()) {
        if (key.equals("last")) {
          in.skipNext();
          continue;
        }
        JsonPath path = RESULT.member(key);
        if (trades != null) {
          throw new InvalidResponseException(path.self(), "Expected one pair in the result, found a second: " + key);
        }
        pairOf(key, List.of(symbol), true, path);
        trades = tradeList(in, key, count);
      }
      if (trades == null) {
        throw new InvalidResponseException("result", "No trades for " + symbol + " in the response");
      }
      return trades;
    });
  }

  private static List<Trade> tradeList(JsonStream in, String key, int count) {
    in.next();
    JsonStream.expect(in.current(), JsonToken.START_ARRAY, RESULT.member(key));
    List<Trade> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      if (i >= count) {
        Levels.requireWithin(i, count, RESULT.field(key)); // throws, naming the list
      }
      JsonPath at = RESULT.child(key, i);
      JsonStream.expect(in.current(), JsonToken.START_ARRAY, at);
      BigDecimal price = in.nextDecimal(at, "price");
      BigDecimal volume = in.nextDecimal(at, "volume");
      BigDecimal seconds = in.nextDecimal(at, "time");
      Side side = side(in.nextString(at, "side"));
      in.skipNext(); // order type: market or limit
      in.skipNext(); // misc
      String id = in.nextElement() ? String.valueOf(in.integer(at, "trade_id", 0, Long.MAX_VALUE)) : null;
      if (id != null) {
        in.skipRestOfArray();
      }
      String tradeId = id != null ? id : seconds.toPlainString() + "-" + i;
      Instant time = Times.epochSeconds(seconds, at, "time");
      out.add(Models.build(at, () -> new Trade(tradeId, price, volume, side, time)));
    }
    return List.copyOf(out);
  }

  private static Side side(String wire) {
    switch (wire) {
      case "b":
        return Side.BUY;
      case "s":
        return Side.SELL;
      default:
        return Side.UNKNOWN;
    }
  }

  /**
   * {@code OHLC}: streamed; {@code [time, open, high, low, close, vwap, volume, count]}. Kraken has
   * no end parameter, so candles opening after {@code to} are left out of the answer asked for.
   */
  public static ResponseDecoder<List<Candle>> ohlc(Symbol symbol, Interval interval, Instant to) {
    return r -> KrakenEnvelope.streamed(r, in -> {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, "result");
      List<Candle> candles = null;
      for (String key = in.nextName(); key != null; key = in.nextName()) {
        if (key.equals("last")) {
          in.skipNext();
          continue;
        }
        JsonPath path = RESULT.member(key);
        if (candles != null) {
          throw new InvalidResponseException(path.self(), "Expected one pair in the result, found a second: " + key);
        }
        pairOf(key, List.of(symbol), true, path);
        candles = candleList(in, key, interval, to);
      }
      if (candles == null) {
        throw new InvalidResponseException("result", "No candles for " + symbol + " in the response");
      }
      return candles;
    });
  }

  private static List<Candle> candleList(JsonStream in, String key, Interval interval, Instant to) {
    in.next();
    JsonStream.expect(in.current(), JsonToken.START_ARRAY, RESULT.member(key));
    List<Candle> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      JsonPath at = RESULT.child(key, i);
      JsonStream.expect(in.current(), JsonToken.START_ARRAY, at);
      Instant openTime = Times.epochSeconds(in.nextInteger(at, "time"), at, "time");
      BigDecimal open = in.nextDecimal(at, "open");
      BigDecimal high = in.nextDecimal(at, "high");
      BigDecimal low = in.nextDecimal(at, "low");
      BigDecimal close = in.nextDecimal(at, "close");
      in.skipNext(); // vwap
      BigDecimal volume = in.nextDecimal(at, "volume");
      in.skipRestOfArray();
      Candle c = Models.build(at, () -> new Candle(openTime, interval, open, high, low, close, volume));
      if (!openTime.isAfter(to)) {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code Balance}: {@code result.<asset>} totals, under the unified asset code ({@code XXBT} is
   * {@code BTC}, as in pairs) with Kraken's own code kept. Kraken's Balance does not split held
   * funds, so the total is reported as free and locked as zero (BalanceEx splits them; not used yet).
   */
  public static ResponseDecoder<List<Balance>> balances() {
    return r -> {
      List<Balance> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : KrakenEnvelope.result(r).properties()) {
        BigDecimal amount = JsonTree.decimal(e.getValue(), RESULT, e.getKey());
        String unified = KrakenSymbolMapper.unifiedAsset(e.getKey());
        out.add(Models.build(RESULT.member(e.getKey()), () -> new Balance(unified, amount, BigDecimal.ZERO, e.getKey())));
      }
      return List.copyOf(out);
    };
  }
}
