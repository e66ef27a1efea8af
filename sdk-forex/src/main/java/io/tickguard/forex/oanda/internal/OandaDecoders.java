package io.tickguard.forex.oanda.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Ohlc;
import io.tickguard.forex.Pips;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.internal.WireNumbers;
import io.tickguard.forex.oanda.OandaAccountSummary;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * OANDA v20 wire format to the forex model, from the OpenAPI definitions ({@code ClientPrice},
 * {@code PriceBucket}, {@code Candlestick}, {@code Instrument}, {@code AccountSummary}): decimals are
 * strings kept digit for digit, times RFC 3339 with up to nine fraction digits.
 */
public final class OandaDecoders {
  private OandaDecoders() {}

  /** {@code CURRENCY} and {@code METAL} instruments whose names are currency pairs; CFDs are left out. */
  public static ResponseDecoder<List<FxInstrument>> instruments() {
    return r -> {
      JsonNode list = JsonTree.array(JsonTree.object(r.json(), "body"), "instruments", "instruments");
      List<FxInstrument> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        JsonPath path = JsonPath.element("instruments", i);
        JsonNode n = JsonTree.object(list.get(i), path);
        String type = JsonTree.text(n, "type", path);
        String name = JsonTree.text(n, "name", path);
        Optional<CurrencyPair> pair = pair(name);
        if (!(type.equals("CURRENCY") || type.equals("METAL")) || pair.isEmpty()) {
          continue;
        }
        int pip = WireNumbers.intIn(JsonTree.integer(n, "pipLocation", path),
            Pips.MIN_LOCATION, Pips.MAX_LOCATION, path, "pipLocation");
        int precision = WireNumbers.intIn(JsonTree.integer(n, "displayPrecision", path), 0, 12, path, "displayPrecision");
        Optional<BigDecimal> minimum = JsonTree.optionalDecimal(n, "minimumTradeSize", path);
        out.add(Models.build(path, () -> new FxInstrument(pair.get(), name, pip, OptionalInt.of(precision), minimum)));
      }
      return List.copyOf(out);
    };
  }

  /**
   * {@code pricing}: one quote per asked pair, in the order asked; a missing, repeated or unasked
   * instrument is refused. {@code pipLocation} gives each pair's pip location.
   */
  public static ResponseDecoder<List<Quote>> prices(List<CurrencyPair> asked, Function<CurrencyPair, Integer> pipLocation) {
    return r -> {
      JsonNode list = JsonTree.array(JsonTree.object(r.json(), "body"), "prices", "prices");
      Map<CurrencyPair, Quote> byPair = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        JsonPath path = JsonPath.element("prices", i);
        Quote q = price(JsonTree.object(list.get(i), path), path, pipLocation);
        if (!asked.contains(q.pair())) {
          throw new InvalidResponseException(path.field("instrument"), "OANDA answered " + q.pair() + ", which was not asked");
        }
        if (byPair.put(q.pair(), q) != null) {
          throw new InvalidResponseException(path.field("instrument"), "OANDA answered " + q.pair() + " twice");
        }
      }
      List<Quote> out = new ArrayList<>(asked.size());
      for (CurrencyPair pair : asked) {
        Quote q = byPair.get(pair);
        if (q == null) {
          throw new InvalidResponseException("prices", "OANDA answered no price for " + pair);
        }
        out.add(q);
      }
      return List.copyOf(out);
    };
  }

  /**
   * One {@code ClientPrice}: the best bid and ask (first buckets), tradeable from {@code tradeable},
   * or from the older {@code status} when {@code tradeable} is absent. A side without liquidity (an
   * empty bucket list, which the spec allows) is refused: OANDA then offers only closeout prices,
   * which are never dealt on, and TickGuard does not substitute them.
   */
  public static Quote price(JsonNode p, JsonPath path, Function<CurrencyPair, Integer> pipLocation) {
    String name = JsonTree.text(p, "instrument", path);
    CurrencyPair pair = pair(name).orElseThrow(() -> new InvalidResponseException(
        path.field("instrument"), "Field " + path.field("instrument") + " is not a currency pair: " + name));
    Instant time = Times.iso(JsonTree.text(p, "time", path), path, "time");
    BigDecimal bid = best(p, "bids", path);
    BigDecimal ask = best(p, "asks", path);
    QuoteStatus status = status(p, path);
    int pip = pipLocation.apply(pair);
    return Models.build(path, () -> new Quote(pair, bid, ask, time, status, pip, false));
  }

  private static BigDecimal best(JsonNode p, String side, JsonPath path) {
    JsonNode buckets = JsonTree.array(p, side, path);
    if (buckets.isEmpty()) {
      throw new InvalidResponseException(path.field(side), "OANDA has no " + side + " liquidity for this instrument now;"
          + " only closeout prices, which are never dealt on");
    }
    JsonPath best = path.child(side, 0);
    return JsonTree.decimal(JsonTree.object(buckets.get(0), best), "price", best);
  }

  private static QuoteStatus status(JsonNode p, JsonPath path) {
    if (p.has("tradeable")) {
      return JsonTree.bool(p, "tradeable", path) ? QuoteStatus.TRADEABLE : QuoteStatus.INDICATIVE;
    }
    JsonNode wire = p.get("status");
    // Neither field: the message names tradeable, the field the current spec documents.
    String status = wire != null && wire.isString() ? wire.stringValue() : JsonTree.text(p, "status", path.field("tradeable"));
    switch (status) {
      case "tradeable":
        return QuoteStatus.TRADEABLE;
      case "non-tradeable":
        return QuoteStatus.INDICATIVE;
      default:
        throw new InvalidResponseException(path.field("status"), "OANDA marked the price '" + status + "'; it is not a price");
    }
  }

  /** {@code candles}: every candlestick of the asked instrument and granularity, components as given. */
  public static ResponseDecoder<List<FxCandle>> candles(CurrencyPair pair, Granularity granularity, String wireGranularity) {
    return r -> {
      JsonNode body = JsonTree.object(r.json(), "body");
      String instrument = JsonTree.text(body, "instrument", "instrument");
      if (!pair(instrument).equals(Optional.of(pair))) {
        throw new InvalidResponseException("instrument", "Asked for " + pair + " candles, OANDA answered " + instrument);
      }
      String g = JsonTree.text(body, "granularity", "granularity");
      if (!g.equals(wireGranularity)) {
        throw new InvalidResponseException("granularity", "Asked for " + wireGranularity + " candles, OANDA answered " + g);
      }
      JsonNode list = JsonTree.array(body, "candles", "candles");
      List<FxCandle> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        JsonPath path = JsonPath.element("candles", i);
        JsonNode c = JsonTree.object(list.get(i), path);
        Instant time = Times.iso(JsonTree.text(c, "time", path), path, "time");
        Optional<Ohlc> bid = ohlc(c, "bid", path);
        Optional<Ohlc> ask = ohlc(c, "ask", path);
        Optional<Ohlc> mid = ohlc(c, "mid", path);
        long volume = JsonTree.integer(c, "volume", path);
        boolean complete = JsonTree.bool(c, "complete", path);
        out.add(Models.build(path, () -> new FxCandle(
            pair, granularity, time, bid, ask, mid, Optional.of(BigDecimal.valueOf(volume)), complete)));
      }
      return List.copyOf(out);
    };
  }

  private static Optional<Ohlc> ohlc(JsonNode candle, String component, JsonPath path) {
    if (!candle.has(component)) {
      return Optional.empty();
    }
    JsonPath p = path.member(component);
    JsonNode d = JsonTree.object(candle, component, path);
    BigDecimal o = JsonTree.decimal(d, "o", p);
    BigDecimal h = JsonTree.decimal(d, "h", p);
    BigDecimal l = JsonTree.decimal(d, "l", p);
    BigDecimal c = JsonTree.decimal(d, "c", p);
    return Optional.of(Models.build(p, () -> new Ohlc(o, h, l, c)));
  }

  /** {@code summary}: the account summary. */
  public static ResponseDecoder<OandaAccountSummary> summary() {
    return r -> {
      JsonNode a = JsonTree.object(JsonTree.object(r.json(), "body"), "account", "account");
      String p = "account.";
      String currency = JsonTree.text(a, "currency", p + "currency");
      Currency home = Models.build(p + "currency", () -> Currency.of(currency));
      return Models.build(p, () -> new OandaAccountSummary(
          JsonTree.text(a, "id", p + "id"), home,
          JsonTree.decimal(a, "balance", p + "balance"),
          JsonTree.decimal(a, "NAV", p + "NAV"),
          JsonTree.decimal(a, "unrealizedPL", p + "unrealizedPL"),
          JsonTree.decimal(a, "marginUsed", p + "marginUsed"),
          JsonTree.decimal(a, "marginAvailable", p + "marginAvailable"),
          JsonTree.integer(a, "openTradeCount", p + "openTradeCount"),
          JsonTree.integer(a, "openPositionCount", p + "openPositionCount"),
          JsonTree.integer(a, "pendingOrderCount", p + "pendingOrderCount"),
          JsonTree.text(a, "lastTransactionID", p + "lastTransactionID")));
    };
  }

  /** {@code EUR_USD} as a pair; empty for names that are not two three-letter codes (CFDs). */
  public static Optional<CurrencyPair> pair(String name) {
    if (name == null || !name.matches("[A-Z]{3}_[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(CurrencyPair.parse(name));
    } catch (InvalidValueException e) {
      return Optional.empty(); // EUR_EUR
    }
  }
}
