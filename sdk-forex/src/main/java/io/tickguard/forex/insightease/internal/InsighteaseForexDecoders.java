package io.tickguard.forex.insightease.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.forex.ConversionLeg;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Ohlc;
import io.tickguard.forex.insightease.InsighteaseForexTicker;
import io.tickguard.forex.internal.WireNumbers;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import io.tickguard.market.internal.Decimals;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.market.internal.Models;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Insightease forex answers to the model. Every value arrives as a string and is typed exactly:
 * prices digit for digit, signed changes ({@code "+0.00234"}), percentages ({@code "+0.44%"}), times
 * as Unix seconds ({@code "1640638800"}). The latest-price items come in two spellings, both read:
 * the short keys of the vendor's browser sample ({@code s, c, ch, cp, t}, with {@code o, h, l, a, b,
 * sp}) and the long keys of its README sample ({@code symbol, price, change, change_percentage,
 * timestamp}).
 */
public final class InsighteaseForexDecoders {
  private static final Pattern PERCENT = Pattern.compile("[+-]?[0-9]{1,20}(\\.[0-9]{1,20})?%");
  private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");
  private static final Pattern PRICE_1X = Pattern.compile("price_1x_([A-Z]{3})");
  private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

  private static final long LATEST_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final JsonPath RESPONSE = JsonPath.ROOT.member("response");

  private InsighteaseForexDecoders() {}

  /** {@code list?type=forex}: the pairs, with the vendor's decimals when given. */
  public static ResponseDecoder<List<FxInstrument>> list(InsighteaseEnvelope envelope) {
    return r -> {
      JsonNode list = JsonTree.array(envelope.response(r), "response");
      List<FxInstrument> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        JsonPath path = JsonPath.element("response", i);
        JsonNode n = JsonTree.object(list.get(i), path);
        String symbol = JsonTree.text(n, "symbol", path);
        Optional<CurrencyPair> pair = pair(symbol);
        if (pair.isEmpty()) {
          continue; // not a currency pair (an index or a commodity the listing mixes in)
        }
        OptionalInt decimals = n.has("decimal")
            ? OptionalInt.of(WireNumbers.intIn(JsonTree.integer(n, "decimal", path), 0, 12, path, "decimal"))
            : OptionalInt.empty();
        out.add(Models.build(path, () -> new FxInstrument(
            pair.get(), symbol, pair.get().conventionalPipLocation(), decimals, Optional.empty())));
      }
      return List.copyOf(out);
    };
  }

  /** {@code latest}: one ticker per asked pair, in the order asked; unasked or repeated pairs are refused. */
  public static ResponseDecoder<List<InsighteaseForexTicker>> latest(InsighteaseEnvelope envelope, List<CurrencyPair> asked) {
    return r -> {
      JsonNode list = JsonTree.array(envelope.response(r), "response");
      Map<CurrencyPair, InsighteaseForexTicker> byPair = new LinkedHashMap<>();
      for (int i = 0; i < list.size(); i++) {
        JsonPath path = JsonPath.element("response", i);
        InsighteaseForexTicker t = ticker(JsonTree.object(list.get(i), path), path);
        if (!asked.contains(t.pair())) {
          throw new InvalidResponseException(path.field("s"), "Insightease answered " + t.pair() + ", which was not asked");
        }
        if (byPair.put(t.pair(), t) != null) {
          throw new InvalidResponseException(path.field("s"), "Insightease answered " + t.pair() + " twice");
        }
      }
      List<InsighteaseForexTicker> out = new ArrayList<>(asked.size());
      for (CurrencyPair p : asked) {
        InsighteaseForexTicker t = byPair.get(p);
        if (t == null) {
          throw new InvalidResponseException("response", "Insightease answered no price for " + p);
        }
        out.add(t);
      }
      return List.copyOf(out);
    };
  }

  private static InsighteaseForexTicker ticker(JsonNode n, JsonPath path) {
    String symbolKey = n.has("s") ? "s" : "symbol";
    String symbol = JsonTree.text(n, symbolKey, path);
    CurrencyPair pair = pair(symbol).orElseThrow(() -> new InvalidResponseException(
        path.field(symbolKey), "Field " + path.field(symbolKey) + " is not a currency pair: " + symbol));
    String closeKey = n.has("c") ? "c" : "price";
    BigDecimal close = JsonTree.decimal(n, closeKey, path);
    String changeKey = n.has("ch") ? "ch" : "change";
    BigDecimal change = signed(JsonTree.text(n, changeKey, path), path, changeKey);
    String percentKey = n.has("cp") ? "cp" : "change_percentage";
    BigDecimal percent = percent(JsonTree.text(n, percentKey, path), path, percentKey);
    String timeKey = n.has("t") ? "t" : "timestamp";
    Instant time = seconds(JsonTree.required(n, timeKey, path), path, timeKey);
    return Models.build(path, () -> new InsighteaseForexTicker(pair,
        optional(n, "o", path), optional(n, "h", path), optional(n, "l", path), close,
        optional(n, "b", path), optional(n, "a", path), optional(n, "sp", path), change, percent, time));
  }

  /**
   * {@code history}: its {@code response} is an object keyed by each candle's Unix-second time; a key
   * must be a time and agree with the candle's {@code t} when it has one. Candles are returned oldest
   * first whatever the key order, as mid prices (Insightease publishes one price series).
   */
  public static ResponseDecoder<List<FxCandle>> history(InsighteaseEnvelope envelope, CurrencyPair pair, Granularity granularity, Instant now) {
    return r -> {
      JsonNode keyed = JsonTree.object(envelope.response(r), "response");
      List<FxCandle> out = new ArrayList<>(keyed.size());
      Iterator<Map.Entry<String, JsonNode>> it = keyed.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonPath path = RESPONSE.member(e.getKey());
        if (!SECONDS.matcher(e.getKey()).matches()) {
          throw new InvalidResponseException(path.self(), "History is keyed by Unix seconds; '" + e.getKey() + "' is not one");
        }
        Instant time = Instant.ofEpochSecond(Long.parseLong(e.getKey()));
        JsonNode c = JsonTree.object(e.getValue(), path);
        if (c.has("t") && !seconds(c.get("t"), path, "t").equals(time)) {
          throw new InvalidResponseException(path.field("t"), "The candle's t disagrees with its key " + e.getKey());
        }
        Ohlc mid = Models.build(path, () -> new Ohlc(
            JsonTree.decimal(c, "o", path), JsonTree.decimal(c, "h", path),
            JsonTree.decimal(c, "l", path), JsonTree.decimal(c, "c", path)));
        Optional<BigDecimal> volume = JsonTree.optionalDecimal(c, "v", path);
        boolean complete = granularity.duration().map(d -> !time.plus(d).isAfter(now)).orElse(false);
        out.add(Models.build(path, () -> new FxCandle(
            pair, granularity, time, Optional.empty(), Optional.empty(), Optional.of(mid), volume, complete)));
      }
      out.sort(Comparator.comparing(FxCandle::time));
      return List.copyOf(out);
    };
  }

  /**
   * {@code converter}: the leg from {@code from} to {@code to} at {@code price_1x_<FROM>} (units of
   * {@code to} per one {@code from}), quoted at the envelope's {@code info.server_time}. Both {@code
   * price_1x_} keys must be there and name the asked currencies.
   */
  public static ResponseDecoder<ConversionLeg> converter(InsighteaseEnvelope envelope, Currency from, Currency to) {
    return r -> {
      JsonNode response = JsonTree.object(envelope.response(r), "response");
      Iterator<String> names = response.propertyNames().iterator();
      while (names.hasNext()) {
        String name = names.next();
        var m = PRICE_1X.matcher(name);
        if (m.matches() && !m.group(1).equals(from.code()) && !m.group(1).equals(to.code())) {
          throw new InvalidResponseException("response." + name, "Insightease converted " + m.group(1) + ", which was not asked");
        }
      }
      BigDecimal price = JsonTree.decimal(response, "price_1x_" + from.code(), RESPONSE);
      JsonTree.decimal(response, "price_1x_" + to.code(), RESPONSE);
      JsonNode info = JsonTree.object(JsonTree.object(r.json(), "body"), "info", "info");
      Instant time = serverTime(JsonTree.text(info, "server_time", "info.server_time"));
      return Models.build("response.", () -> new ConversionLeg(new CurrencyPair(from, to), price, false, time));
    };
  }

  private static Instant serverTime(String text) {
    try {
      return LocalDateTime.parse(text, SERVER_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidResponseException("info.server_time", "Field info.server_time is not 'yyyy-MM-dd HH:mm:ss UTC'");
    }
  }

  private static Optional<BigDecimal> optional(JsonNode n, String name, JsonPath path) {
    return JsonTree.optionalDecimal(n, name, path);
  }

  private static BigDecimal signed(String text, JsonPath at, String field) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    BigDecimal d = digits.startsWith("-+") ? null : Decimals.parseOrNull(digits);
    return d != null ? d : signed(text, at.field(field)); // refuses, naming the field
  }

  private static BigDecimal percent(String text, JsonPath at, String field) {
    return PERCENT.matcher(text).matches()
        ? signed(text.substring(0, text.length() - 1), at, field) : percent(text, at.field(field));
  }

  private static Instant seconds(JsonNode node, JsonPath at, String field) {
    long value = -1;
    if (node.isString() && SECONDS.matcher(node.stringValue()).matches()) {
      value = Long.parseLong(node.stringValue());
    } else if (node.isIntegralNumber() && node.canConvertToLong()) {
      value = node.longValue(); // the README sample's JSON integer
    }
    return value >= 0 && value <= LATEST_SECOND ? Instant.ofEpochSecond(value) : seconds(node, at.field(field));
  }

  /** {@code "+0.00234"}, {@code "-0.00056"} or {@code "0"}: a plain decimal with an optional sign. */
  static BigDecimal signed(String text, String path) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (digits.startsWith("-") && digits.length() > 1 && digits.charAt(1) == '+') {
      throw Decimals.invalid(text, path);
    }
    return Decimals.parse(digits, path);
  }

  /** {@code "+0.44%"} as {@code 0.44} (percent), sign kept. */
  static BigDecimal percent(String text, String path) {
    if (!PERCENT.matcher(text).matches()) {
      throw new InvalidResponseException(path, "Field " + path + " is not a percentage such as +0.44%");
    }
    return signed(text.substring(0, text.length() - 1), path);
  }

  /** Unix seconds, written as a string of digits (or a JSON integer, as the README sample does). */
  static Instant seconds(JsonNode node, String path) {
    long value;
    if (node.isString() && SECONDS.matcher(node.stringValue()).matches()) {
      value = Long.parseLong(node.stringValue());
    } else if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      value = node.longValue();
    } else {
      throw new InvalidResponseException(path, "Field " + path + " is not Unix seconds");
    }
    if (value > LATEST_SECOND) {
      throw new InvalidResponseException(path, "Field " + path + " is beyond year 9999: " + value);
    }
    return Instant.ofEpochSecond(value);
  }

  /** {@code EUR/USD} as a pair; empty for anything else. */
  public static Optional<CurrencyPair> pair(String symbol) {
    if (symbol == null || !symbol.matches("[A-Z]{3}/[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(CurrencyPair.parse(symbol));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
