package io.tickguard.examples.cli;

import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Trade;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tickguard trades SYMBOL}: recent public trades, oldest first. {@code --follow} keeps
 * printing new ones (by polling today, each trade once, by id; a trade stream slots in later).
 */
@Command(name = "trades", mixinStandardHelpOptions = true, description = "The most recent public trades, oldest first.")
final class TradesCommand extends MarketCommand {
  @Parameters(paramLabel = "SYMBOL", description = "BASE/QUOTE, e.g. BTC/USDT")
  Symbol symbol;

  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many, 1..1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new trades (JSON: one object per trade).")
  boolean follow;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "Time between polls with --follow (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop --follow after N polls (default: until Ctrl-C).")
  int count;

  @Override
  void validate() {
    range("--limit", limit, 1, 1000);
    range("--count", count, 0, Integer.MAX_VALUE);
    if (interval.isNegative()) {
      throw usage("--interval must not be negative");
    }
    if (!follow && count > 0) {
      throw usage("--count needs --follow");
    }
  }

  @Override
  int run(MarketSession session, Output out) throws InterruptedException {
    Set<String> seen = new LinkedHashSet<>();
    int polls = 0;
    while (true) {
      List<Trade> fresh = session.client().recentTrades(symbol, limit).stream().filter(t -> seen.add(t.id())).toList();
      print(session.provider(), fresh, out, polls == 0);
      polls++;
      if (!follow || (count > 0 && polls >= count)) {
        return ExitCodes.OK;
      }
      while (seen.size() > 10_000) {
        seen.remove(seen.iterator().next());
      }
      Thread.sleep(interval.toMillis());
    }
  }

  private void print(Provider provider, List<Trade> trades, Output out, boolean header) {
    if (out.json()) {
      trades.forEach(t -> out.json(json(provider, symbol, t)));
      return;
    }
    Table table = Table.of("time", "side", "#price", "#size", "id");
    trades.forEach(t -> table.row(t.time().toString(), t.side().name().toLowerCase(java.util.Locale.ROOT), t.price(), t.size(), t.id()));
    List<String> lines = table.lines();
    if (header) {
      out.out().println(out.style(lines.get(0), Output.Style.BOLD));
    }
    for (int i = 1; i < lines.size(); i++) {
      out.out().println(out.style(lines.get(i), trades.get(i - 1).side() == Side.BUY ? Output.Style.GREEN : Output.Style.RED));
    }
    out.out().flush();
  }

  static Map<String, Object> json(Provider provider, Symbol symbol, Trade t) {
    Map<String, Object> o = Output.object();
    o.put("type", "trade");
    o.put("provider", provider.id());
    o.put("symbol", symbol.toString());
    o.put("id", t.id());
    o.put("time", t.time());
    o.put("side", t.side().name().toLowerCase(java.util.Locale.ROOT));
    o.put("price", t.price());
    o.put("size", t.size());
    return o;
  }
}
