package io.tickguard.crypto.insightease;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.internal.JsonTree;
import io.tickguard.crypto.internal.Models;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Insightease wire format to the unified model: listings, latest prices ({@code s, o, h, l, c, v,
 * b, a, t}) and candles ({@code o, h, l, c, v, t}); {@code t} is in Unix seconds.
 */
final class InsighteaseDecoders {
  private InsighteaseDecoders() {}

  /** {@code list}: symbols only; the vendor publishes no trading rules or status. */
  static ResponseDecoder<List<Instrument>> list() {
    return r -> {
      JsonNode items = JsonTree.array(InsighteaseEnvelope.response(r), "response");
      List<Instrument> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String path = "response[" + i + "].";
        String wire = JsonTree.text(JsonTree.object(items.get(i), "response[" + i + "]"), "symbol", path + "symbol");
        Symbol symbol = InsighteaseSymbolMapper.INSTANCE.fromProvider(wire)
            .orElseThrow(() -> new InvalidResponseException(path + "symbol", "Cannot read symbol " + wire));
        out.add(Models.build(path, () -> new Instrument(symbol, wire, Optional.empty(), Optional.empty(),
            Optional.empty(), new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, "unspecified"))));
      }
      return List.copyOf(out);
    };
  }

  /** {@code latest} for {@code asked}, in the order asked. */
  static ResponseDecoder<List<Ticker>> latest(List<Symbol> asked) {
    return r -> {
      JsonNode items = JsonTree.array(InsighteaseEnvelope.response(r), "response");
      Map<Symbol, Ticker> found = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        String path = "response[" + i + "].";
        JsonNode n = JsonTree.object(items.get(i), "response[" + i + "]");
        String wire = JsonTree.text(n, "s", path + "s");
        Symbol symbol = InsighteaseSymbolMapper.INSTANCE.fromProvider(wire).filter(asked::contains)
            .orElseThrow(() -> new InvalidResponseException(path + "s", "Unexpected symbol " + wire + " in the response"));
        BigDecimal last = JsonTree.decimal(n, "c", path + "c");
        BigDecimal bid = JsonTree.decimal(n, "b", path + "b");
        BigDecimal ask = JsonTree.decimal(n, "a", path + "a");
        Optional<BigDecimal> open = JsonTree.optionalDecimal(n, "o", path + "o");
        Optional<BigDecimal> high = JsonTree.optionalDecimal(n, "h", path + "h");
        Optional<BigDecimal> low = JsonTree.optionalDecimal(n, "l", path + "l");
        Optional<BigDecimal> volume = JsonTree.optionalDecimal(n, "v", path + "v");
        Optional<Instant> time = Optional.of(Instant.ofEpochSecond(JsonTree.integer(n, "t", path + "t")));
        found.put(symbol, Models.build(path, () -> new Ticker(symbol, last, bid, ask, open, high, low, volume, time)));
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

  /** {@code history}: candles, oldest first as sent. */
  static ResponseDecoder<List<Candle>> history(Interval interval) {
    return r -> {
      JsonNode items = JsonTree.array(InsighteaseEnvelope.response(r), "response");
      List<Candle> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        String path = "response[" + i + "].";
        JsonNode n = JsonTree.object(items.get(i), "response[" + i + "]");
        Instant t = Instant.ofEpochSecond(JsonTree.integer(n, "t", path + "t"));
        BigDecimal o = JsonTree.decimal(n, "o", path + "o");
        BigDecimal h = JsonTree.decimal(n, "h", path + "h");
        BigDecimal l = JsonTree.decimal(n, "l", path + "l");
        BigDecimal c = JsonTree.decimal(n, "c", path + "c");
        BigDecimal v = JsonTree.decimal(n, "v", path + "v");
        out.add(Models.build(path, () -> new Candle(t, interval, o, h, l, c, v)));
      }
      return List.copyOf(out);
    };
  }
}
