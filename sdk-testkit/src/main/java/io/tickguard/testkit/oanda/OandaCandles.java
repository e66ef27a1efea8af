package io.tickguard.testkit.oanda;

import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OANDA candlesticks from the simulator. The simulated trade price is the mid; the bid is one tick
 * below and the ask one tick above it, so {@code mid = (bid + ask) / 2} holds exactly. {@code volume}
 * is the number of simulated price seconds, as OANDA's is the number of prices in the candle.
 */
final class OandaCandles {
  /** OANDA's granularities the simulator can serve. */
  enum Granularity {
    M1(CandleInterval.M1), M5(CandleInterval.M5), M15(CandleInterval.M15), H1(CandleInterval.H1),
    H4(CandleInterval.H4), D(CandleInterval.D1);

    final CandleInterval interval;

    Granularity(CandleInterval interval) {
      this.interval = interval;
    }

    static Optional<Granularity> of(String name) {
      for (Granularity g : values()) {
        if (g.name().equals(name)) {
          return Optional.of(g);
        }
      }
      return Optional.empty();
    }
  }

  private OandaCandles() {}

  /**
   * The candles of the window OANDA's parameters describe: {@code from}+{@code to}; {@code from}
   * plus {@code count}; {@code to} (or now) minus {@code count}. The candle covering {@code from}
   * is included (OANDA's {@code includeFirst} default). Candles beyond the simulator's reach or
   * after now are left out.
   */
  static ArrayNode render(
      MarketSimulator market, Instrument i, Granularity g, String price, Optional<Instant> from,
      Optional<Instant> to, int count, DateTimeFormatter times) {
    long step = g.interval.seconds();
    long now = market.clock().instant().getEpochSecond();
    long current = Math.floorDiv(now, step) * step;
    long first;
    long last;
    if (from.isPresent()) {
      first = Math.floorDiv(from.get().getEpochSecond(), step) * step;
      last = to.map(t -> Math.floorDiv(t.getEpochSecond(), step) * step).orElse(first + (count - 1L) * step);
    } else {
      last = to.map(t -> Math.floorDiv(t.getEpochSecond(), step) * step).orElse(current);
      first = last - (count - 1L) * step;
    }
    last = Math.min(last, current);
    long reach = Math.min(1000, MarketSimulator.MAX_SCAN_SECONDS / step);
    first = Math.max(first, current - (reach - 1) * step);
    ArrayNode out = SandboxJson.array();
    if (first > last) {
      return out;
    }
    int limit = (int) ((current - first) / step + 1);
    List<SimCandle> candles = market.candles(i.symbol(), g.interval, limit);
    for (SimCandle c : candles) {
      long t = c.openTime().getEpochSecond();
      if (t < first || t > last) {
        continue;
      }
      ObjectNode candle = SandboxJson.object().put("complete", t + step <= now).put("volume", c.trades())
          .put("time", times.format(c.openTime()));
      if (price.indexOf('B') >= 0) {
        candle.set("bid", ohlc(c, i.tickSize().negate()));
      }
      if (price.indexOf('A') >= 0) {
        candle.set("ask", ohlc(c, i.tickSize()));
      }
      if (price.indexOf('M') >= 0) {
        candle.set("mid", ohlc(c, BigDecimal.ZERO));
      }
      out.add(candle);
    }
    return out;
  }

  private static ObjectNode ohlc(SimCandle c, BigDecimal shift) {
    return SandboxJson.object().put("o", c.open().add(shift).toPlainString()).put("h", c.high().add(shift).toPlainString())
        .put("l", c.low().add(shift).toPlainString()).put("c", c.close().add(shift).toPlainString());
  }
}
