package io.tickguard.crypto.insightease.internal;

import io.tickguard.crypto.insightease.InsighteaseSymbolMapper;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonTree;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Insightease wire format to the unified model. Latest prices carry {@code s, o, h, l, c, a, b, ch,
 * cp, tm} (the vendor's own browser sample reads these; {@code a}/{@code b} only on plans that
 * include bid and ask), candles {@code o, h, l, c, v, t, tm}; {@code t} is Unix seconds, {@code tm}
 * its {@code yyyy-MM-dd HH:mm:ss} text (read as UTC). Decimals may be JSON strings or numbers.
 */
public final class InsighteaseDecoders {
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private InsighteaseDecoders() {}

  /** {@code list}: symbols only; the vendor publishes no trading rules or status. */
  public static ResponseDecoder<List<Instrument>> list(InsighteaseEnvelope envelope) {
    return r -> {
      JsonNode items = JsonTree.array(envelope.response(r), "response");
      List<Instrument> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        JsonPath path = JsonPath.element("response", i);
        String wire = JsonTree.text(JsonTree.object(items.get(i), path), "symbol", path);
        Symbol symbol = InsighteaseSymbolMapper.INSTANCE.fromProvider(wire)
            .orElseThrow(() -> new InvalidResponseException(path.field("symbol"), "Cannot read symbol " + wire));
        out.add(Models.build(path, () -> new Instrument(symbol, wire, Optional.empty(), Optional.empty(),
            Optional.empty(), new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, "unspecified"))));
      }
      return List.copyOf(out);
    };
  }

  /** {@code latest} for {@code asked}, in the order asked; every asked symbol must be answered. */
  public static ResponseDecoder<List<Ticker>> latest(InsighteaseEnvelope envelope, List<Symbol> asked) {
    return r -> {
      JsonNode items = JsonTree.array(envelope.response(r), "response");
      Map<Symbol, Ticker> found = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        JsonPath path = JsonPath.element("response", i);
        JsonNode n = JsonTree.object(items.get(i), path);
        String wire = JsonTree.text(n, "s", path);
        Symbol symbol = InsighteaseSymbolMapper.INSTANCE.fromProvider(wire).filter(asked::contains)
            .orElseThrow(() -> new InvalidResponseException(path.field("s"), "Unexpected symbol " + wire + " in the response"));
        BigDecimal last = JsonTree.decimal(n, "c", path);
        BigDecimal bid = bidOrAsk(n, "b", path);
        BigDecimal ask = bidOrAsk(n, "a", path);
        Optional<BigDecimal> open = JsonTree.optionalDecimal(n, "o", path);
        Optional<BigDecimal> high = JsonTree.optionalDecimal(n, "h", path);
        Optional<BigDecimal> low = JsonTree.optionalDecimal(n, "l", path);
        Optional<BigDecimal> volume = JsonTree.optionalDecimal(n, "v", path);
        Optional<Instant> time = time(n, path);
        Ticker ticker = Models.build(path, () -> new Ticker(symbol, last, bid, ask, open, high, low, volume, time));
        if (found.put(symbol, ticker) != null) {
          throw new InvalidResponseException(path.field("s"), "Symbol " + symbol + " appears twice in the response");
        }
      }
      List<Ticker> out = new ArrayList<>(asked.size());
      for (Symbol s : asked) {
        Ticker t = found.get(s);
        if (t == null) {
          throw new InvalidResponseException("response", "No price for " + s + " in the response");
        }
        out.add(t);
      }
      return List.copyOf(out);
    };
  }

  /**
   * {@code latest} for one symbol read for its current price only: {@code response[0].c}. Bid and
   * ask ({@code a}/{@code b}, sent only on plans that include them) and the day's figures are not
   * read, so this works on every plan. Exactly one item, for the symbol asked, must be answered; the
   * price must be positive.
   */
  public static ResponseDecoder<BigDecimal> lastPrice(InsighteaseEnvelope envelope, Symbol asked) {
    return r -> {
      JsonNode items = JsonTree.array(envelope.response(r), "response");
      if (items.size() != 1) {
        throw new InvalidResponseException("response", "Expected the price of " + asked + " alone, found "
            + items.size() + " items");
      }
      JsonPath path = JsonPath.element("response", 0);
      JsonNode n = JsonTree.object(items.get(0), path);
      String wire = JsonTree.text(n, "s", path);
      if (!InsighteaseSymbolMapper.INSTANCE.fromProvider(wire).filter(asked::equals).isPresent()) {
        throw new InvalidResponseException(path.field("s"), "Unexpected symbol " + wire + " in the response");
      }
      BigDecimal price = JsonTree.decimal(n, "c", path);
      if (price.signum() <= 0) {
        throw new InvalidResponseException(path.field("c"), "Field " + path.field("c") + " must be positive");
      }
      return price;
    };
  }

  /**
   * {@code history}: candles opening within {@code [from, to]}, oldest first. The response may be
   * an array of candles or an object keyed by their times; both are read.
   */
  public static ResponseDecoder<List<Candle>> history(InsighteaseEnvelope envelope, Interval interval, Instant from, Instant to) {
    return r -> {
      JsonNode response = envelope.response(r);
      if (!response.isArray() && !response.isObject()) {
        throw new InvalidResponseException("response", "Field response must be a list of candles");
      }
      List<Map.Entry<JsonPath, JsonNode>> items = new ArrayList<>();
      if (response.isArray()) {
        for (int i = 0; i < response.size(); i++) {
          items.add(Map.entry(JsonPath.element("response", i), response.get(i)));
        }
      } else {
        JsonPath keyed = JsonPath.ROOT.member("response");
        response.properties().forEach(e -> items.add(Map.entry(keyed.member(e.getKey()), e.getValue())));
      }
      List<Candle> out = new ArrayList<>(items.size());
      for (Map.Entry<JsonPath, JsonNode> item : items) {
        JsonPath path = item.getKey();
        JsonNode n = JsonTree.object(item.getValue(), path);
        Instant t = JsonTree.epochSeconds(n, "t", path);
        BigDecimal o = JsonTree.decimal(n, "o", path);
        BigDecimal h = JsonTree.decimal(n, "h", path);
        BigDecimal l = JsonTree.decimal(n, "l", path);
        BigDecimal c = JsonTree.decimal(n, "c", path);
        BigDecimal v = JsonTree.decimal(n, "v", path);
        Candle candle = Models.build(path, () -> new Candle(t, interval, o, h, l, c, v));
        if (!t.isBefore(from) && !t.isAfter(to)) {
          out.add(candle);
        }
      }
      out.sort(Comparator.comparing(Candle::openTime));
      return List.copyOf(out);
    };
  }

  private static BigDecimal bidOrAsk(JsonNode n, String name, JsonPath path) {
    if (n.get(name) == null || n.get(name).isNull()) {
      String field = path.field(name);
      throw new InvalidResponseException(field,
          "Field " + field + " is missing: Insightease sends bid and ask only on plans that include them");
    }
    return JsonTree.decimal(n, name, path);
  }

  private static Optional<Instant> time(JsonNode n, JsonPath path) {
    JsonNode t = n.get("t");
    if (t != null && !t.isNull()) {
      return Optional.of(JsonTree.epochSeconds(n, "t", path));
    }
    JsonNode tm = n.get("tm");
    if (tm != null && !tm.isNull()) {
      String text = JsonTree.text(tm, path, "tm");
      Instant parsed;
      try {
        parsed = LocalDateTime.parse(text, TM).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        String field = path.field("tm");
        throw new InvalidResponseException(field, "Field " + field + " must be yyyy-MM-dd HH:mm:ss");
      }
      return Optional.of(Times.inRange(parsed, path, "tm"));
    }
    return Optional.empty();
  }
}
