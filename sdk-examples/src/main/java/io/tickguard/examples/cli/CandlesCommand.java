package io.tickguard.examples.cli;

import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tickguard candles SYMBOL INTERVAL}: OHLCV candles as a table or a terminal chart. */
@Command(name = "candles", mixinStandardHelpOptions = true, description = "OHLCV candles, as a table or a chart (--chart).")
final class CandlesCommand extends MarketCommand {
  private static final List<Interval> KNOWN = List.of(Interval.ONE_MINUTE, Interval.THREE_MINUTES, Interval.FIVE_MINUTES,
      Interval.FIFTEEN_MINUTES, Interval.THIRTY_MINUTES, Interval.ONE_HOUR, Interval.TWO_HOURS, Interval.FOUR_HOURS,
      Interval.SIX_HOURS, Interval.TWELVE_HOURS, Interval.ONE_DAY, Interval.ONE_WEEK);

  @Parameters(index = "0", paramLabel = "SYMBOL", description = "BASE/QUOTE, e.g. BTC/USDT")
  Symbol symbol;

  @Parameters(index = "1", paramLabel = "INTERVAL", description = "Candle width: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w")
  String intervalCode;

  @Option(names = "--from", paramLabel = "TIME", description = "First candle's open time (ISO-8601 instant or date; default: --limit candles before --to).")
  Instant from;

  @Option(names = "--to", paramLabel = "TIME", description = "Last candle's open time (default: now).")
  Instant to;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "30", description = "Candles when --from is not given, 1..1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-c", "--chart"}, description = "Draw a candlestick chart with price and time axes (a sparkline when the terminal is narrow).")
  boolean chart;

  private Interval interval;

  @Override
  void validate() {
    interval = KNOWN.stream().filter(i -> i.code().equals(intervalCode)).findFirst().orElseThrow(() -> usage(
        "INTERVAL '" + Text.clean(intervalCode) + "' is not one of " + KNOWN.stream().map(Interval::code).collect(Collectors.joining(" "))));
    range("--limit", limit, 1, 1000);
    if (from != null && to != null && from.isAfter(to)) {
      throw usage("--from " + from + " is after --to " + to);
    }
    if (chart && output.json) {
      throw usage("--chart draws for people; --json prints the candles for programs: choose one");
    }
  }

  @Override
  int run(MarketSession session, Output out) {
    Duration width = interval.duration().orElseThrow();
    Instant end = to != null ? to : Instant.now();
    // The last LIMIT candles: from the open of the candle LIMIT-1 widths before the one holding END.
    long widthSeconds = width.toSeconds();
    Instant start = from != null ? from
        : Instant.ofEpochSecond(Math.floorDiv(end.getEpochSecond(), widthSeconds) * widthSeconds).minus(width.multipliedBy(limit - 1L));
    List<Candle> candles = session.client().candles(symbol, interval, start, end);
    if (out.json()) {
      candles.forEach(c -> out.json(json(session.provider(), symbol, c)));
      return ExitCodes.OK;
    }
    if (chart) {
      CandleChart.render(symbol + " " + interval.code() + " (" + session.provider().id() + ")", candles,
          root.context().columns(), out).forEach(out.out()::println);
      out.out().flush();
      return ExitCodes.OK;
    }
    Table table = Table.of("open time", "#open", "#high", "#low", "#close", "#volume").sameScale("open", "high", "low", "close");
    candles.forEach(c -> table.row(c.openTime().toString(), c.open(), c.high(), c.low(), c.close(), c.volume()));
    out.print(table);
    return ExitCodes.OK;
  }

  static Map<String, Object> json(Provider provider, Symbol symbol, Candle c) {
    Map<String, Object> o = Output.object();
    o.put("type", "candle");
    o.put("provider", provider.id());
    o.put("symbol", symbol.toString());
    o.put("interval", c.interval().code());
    o.put("openTime", c.openTime());
    o.put("open", c.open());
    o.put("high", c.high());
    o.put("low", c.low());
    o.put("close", c.close());
    o.put("volume", c.volume());
    return o;
  }
}
