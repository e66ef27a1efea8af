package io.tickguard.examples.cli;

import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Ohlc;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickguard fx candles PAIR GRANULARITY}: mid (or bid) OHLC candles with volume and completeness. */
@Command(name = "candles", mixinStandardHelpOptions = true, description = "Forex candles: mid OHLC (bid where the provider sends no mid), volume, complete.")
final class FxCandlesCommand extends FxMarketCommand {
  @Parameters(index = "0", paramLabel = "PAIR", description = "EUR/USD, EUR_USD or EURUSD")
  CurrencyPair pair;

  @Parameters(index = "1", paramLabel = "GRANULARITY", description = "S5 .. M1 M5 M15 M30 H1 H4 D1 W1 (OANDA's names; not every provider has every one)")
  String granularityName;

  @Option(names = "--from", paramLabel = "TIME", description = "First candle's time (ISO-8601 instant or date; default: --limit candles before --to).")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", description = "Last candle's time (default: now).")
  Instant to;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "30", description = "Candles when --from is not given, 1..500 (default: ${DEFAULT-VALUE}).")
  int limit;

  private Granularity granularity;

  @Override
  void validate() {
    granularity = Arrays.stream(Granularity.values()).filter(g -> g.name().equals(granularityName.toUpperCase(Locale.ROOT)))
        .findFirst().orElseThrow(() -> usage("GRANULARITY '" + Text.clean(granularityName) + "' is not one of "
            + Arrays.stream(Granularity.values()).map(Granularity::name).collect(Collectors.joining(" "))));
    if (limit < 1 || limit > 500) {
      throw usage("--limit must be 1..500, was " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw usage("--from " + from + " must be before --to " + to);
    }
    if (from == null && granularity.duration().isEmpty()) {
      throw usage(granularity + " candles have no fixed width: give --from");
    }
  }

  @Override
  int run(FxSession session, Output out) {
    Instant end = to != null ? to : Instant.now();
    Instant start = from;
    if (start == null) {
      long width = granularity.duration().orElseThrow().toSeconds();
      start = Instant.ofEpochSecond(Math.floorDiv(end.getEpochSecond(), width) * width).minus(Duration.ofSeconds(width * (limit - 1L)));
    }
    List<FxCandle> candles = session.client().candles(pair, granularity, start, end);
    if (out.json()) {
      candles.forEach(c -> out.json(json(session.provider(), c)));
      return ExitCodes.OK;
    }
    Table table = Table.of("time", "price", "#open", "#high", "#low", "#close", "#volume", "complete")
        .sameScale("open", "high", "low", "close");
    for (FxCandle c : candles) {
      String side = c.mid().isPresent() ? "mid" : c.bid().isPresent() ? "bid" : "ask";
      Ohlc p = c.mid().or(c::bid).or(c::ask).orElseThrow();
      table.row(c.time().toString(), side, p.open(), p.high(), p.low(), p.close(), c.volume(), c.complete() ? "yes" : "forming");
    }
    out.print(table);
    return ExitCodes.OK;
  }

  static Map<String, Object> json(FxProvider provider, FxCandle c) {
    Map<String, Object> o = Output.object();
    o.put("type", "fxCandle");
    o.put("provider", provider.id());
    o.put("pair", c.pair().toString());
    o.put("granularity", c.granularity().name());
    o.put("time", c.time());
    o.put("bid", ohlc(c.bid()));
    o.put("ask", ohlc(c.ask()));
    o.put("mid", ohlc(c.mid()));
    o.put("volume", c.volume());
    o.put("complete", c.complete());
    return o;
  }

  private static Optional<Map<String, Object>> ohlc(Optional<Ohlc> ohlc) {
    return ohlc.map(p -> {
      Map<String, Object> o = Output.object();
      o.put("open", p.open());
      o.put("high", p.high());
      o.put("low", p.low());
      o.put("close", p.close());
      return o;
    });
  }
}
