package io.tickguard.forex.saxo;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.ProviderException;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Ohlc;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.market.internal.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/** Saxo's wire objects to TickGuard's model: InfoPrices, chart samples, instrument details. */
final class SaxoDecoders {
  private SaxoDecoders() {}

  /**
   * The quote of one InfoPrice (a REST item, a subscription snapshot item, or a snapshot with
   * streaming deltas applied).
   *
   * @param path the JSON path of {@code price}, rendered for error messages only
   */
  static Quote quote(JsonNode price, CurrencyPair pair, JsonPath path) {
    JsonNode q = SaxoJson.field(price, "Quote", path);
    JsonNode error = q.get("ErrorCode");
    if (error != null && error.isString() && !error.stringValue().equals("None")) {
      String code = error.stringValue();
      ErrorDetails details = new ErrorDetails(200, code, null, null);
      if (code.equals("NoAccess") || code.equals("NotAvailable")) {
        throw new PermissionDeniedException("Saxo gives this session no price for " + pair + " (" + code
            + "): the account lacks the market data subscription", details);
      }
      throw new ProviderException("Saxo has no price for " + pair + " (" + code + ")", details);
    }
    JsonPath quote = path.member("Quote");
    BigDecimal bid = SaxoJson.decimal(q, "Bid", quote);
    BigDecimal ask = SaxoJson.decimal(q, "Ask", quote);
    Instant time = SaxoJson.time(price, "LastUpdated", path);
    boolean tradable = "Tradable".equals(textOr(q, "PriceTypeBid")) && "Tradable".equals(textOr(q, "PriceTypeAsk"));
    int pip = pipLocation(price.get("DisplayAndFormat")).orElse(pair.conventionalPipLocation());
    try {
      return new Quote(pair, bid, ask, time, tradable ? QuoteStatus.TRADEABLE : QuoteStatus.INDICATIVE, pip, false);
    } catch (RuntimeException e) {
      throw new InvalidResponseException(path.field("Quote"), "Saxo quote for " + pair + " is invalid: " + e.getMessage());
    }
  }

  /**
   * Quotes of an InfoPrices list in the order of {@code asked}; each asked pair must appear once,
   * nothing else may.
   */
  static List<Quote> quotes(JsonNode body, List<CurrencyPair> asked, Map<Integer, CurrencyPair> byUic) {
    JsonNode data = SaxoJson.array(body, "Data", "Data");
    java.util.Map<CurrencyPair, Quote> found = new java.util.LinkedHashMap<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode item = data.get(i);
      JsonPath at = JsonPath.element("Data", i);
      int uic = SaxoJson.integer(item, "Uic", at);
      CurrencyPair pair = byUic.get(uic);
      if (pair == null || !asked.contains(pair)) {
        throw new InvalidResponseException("Data[" + i + "].Uic", "Saxo answered Uic " + uic + ", which was not asked for");
      }
      if (found.put(pair, quote(item, pair, at)) != null) {
        throw new InvalidResponseException("Data[" + i + "].Uic", "Saxo answered Uic " + uic + " twice");
      }
    }
    List<Quote> out = new ArrayList<>(asked.size());
    for (CurrencyPair pair : asked) {
      Quote q = found.get(pair);
      if (q == null) {
        throw new InvalidResponseException("Data", "Saxo's answer lacks " + pair);
      }
      out.add(q);
    }
    return out;
  }

  /** Chart samples starting in {@code [from, to]}; a sample is complete once its period ended at {@code now}. */
  static List<FxCandle> candles(JsonNode body, CurrencyPair pair, Granularity granularity, Instant from, Instant to, Instant now) {
    JsonNode data = SaxoJson.array(body, "Data", "Data");
    List<FxCandle> candles = new ArrayList<>(data.size());
    Instant previous = null;
    for (int i = 0; i < data.size(); i++) {
      JsonNode s = data.get(i);
      JsonPath p = JsonPath.element("Data", i);
      Instant time = SaxoJson.time(s, "Time", p);
      if (previous != null && !time.isAfter(previous)) {
        throw new InvalidResponseException(p.field("Time"), "Saxo chart samples are not in ascending time order");
      }
      previous = time;
      if (time.isBefore(from) || time.isAfter(to)) {
        continue;
      }
      try {
        Ohlc bid = new Ohlc(SaxoJson.decimal(s, "OpenBid", p), SaxoJson.decimal(s, "HighBid", p),
            SaxoJson.decimal(s, "LowBid", p), SaxoJson.decimal(s, "CloseBid", p));
        Ohlc ask = new Ohlc(SaxoJson.decimal(s, "OpenAsk", p), SaxoJson.decimal(s, "HighAsk", p),
            SaxoJson.decimal(s, "LowAsk", p), SaxoJson.decimal(s, "CloseAsk", p));
        boolean complete = !time.plus(granularity.duration().orElseThrow()).isAfter(now);
        candles.add(new FxCandle(pair, granularity, time, Optional.of(bid), Optional.of(ask), Optional.empty(),
            Optional.empty(), complete));
      } catch (InvalidResponseException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new InvalidResponseException(p.self(), "Saxo chart sample " + i + " of " + pair + " is inconsistent: " + e.getMessage());
      }
    }
    return candles;
  }

  /** FX spot instruments of an instrument-details answer. */
  static List<FxInstrument> instruments(JsonNode body) {
    JsonNode data = SaxoJson.array(body, "Data", "Data");
    List<FxInstrument> out = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      JsonNode d = data.get(i);
      JsonPath p = JsonPath.element("Data", i);
      String assetType = SaxoJson.text(d, "AssetType", p);
      if (!assetType.equals("FxSpot")) {
        throw new InvalidResponseException(p.field("AssetType"), "Saxo answered a " + assetType + " where FxSpot was asked");
      }
      String symbol = SaxoJson.text(d, "Symbol", p);
      if (!symbol.matches("[A-Z]{6}")) {
        throw new InvalidResponseException(p.field("Symbol"), "Saxo FxSpot symbol is not two ISO currencies: " + symbol);
      }
      CurrencyPair pair = CurrencyPair.of(symbol.substring(0, 3), symbol.substring(3));
      int uic = SaxoJson.integer(d, "Uic", p);
      JsonNode format = d.get("Format");
      OptionalInt decimals = displayPrecision(format);
      Optional<BigDecimal> minimum = d.has("MinimumTradeSize")
          ? Optional.of(SaxoJson.decimal(d, "MinimumTradeSize", p))
          : d.has("IncrementSize") ? Optional.of(SaxoJson.decimal(d, "IncrementSize", p)) : Optional.empty();
      try {
        out.add(new FxInstrument(pair, Integer.toString(uic), pipLocation(format).orElse(pair.conventionalPipLocation()),
            decimals, minimum));
      } catch (RuntimeException e) {
        throw new InvalidResponseException(p.self(), "Saxo instrument " + symbol + " is invalid: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Saxo's {@code Decimals} counts the pip's decimals when the format is {@code AllowDecimalPips}
   * (EURUSD: 4, prices with 5); otherwise it is the price's precision and says nothing of the pip.
   */
  static OptionalInt pipLocation(JsonNode format) {
    if (format == null || !format.isObject() || !"AllowDecimalPips".equals(textOr(format, "Format"))) {
      return OptionalInt.empty();
    }
    JsonNode decimals = format.get("Decimals");
    if (decimals == null || !decimals.canConvertToInt() || decimals.intValue() < 0 || decimals.intValue() > 10) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(-decimals.intValue());
  }

  private static OptionalInt displayPrecision(JsonNode format) {
    if (format == null || !format.isObject() || format.get("Decimals") == null || !format.get("Decimals").canConvertToInt()) {
      return OptionalInt.empty();
    }
    int decimals = format.get("Decimals").intValue();
    return OptionalInt.of("AllowDecimalPips".equals(textOr(format, "Format")) ? decimals + 1 : decimals);
  }

  private static String textOr(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
