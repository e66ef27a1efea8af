package io.tickguard.examples.cli;

import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Trade;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickguard trades SYMBOL}: recent public trades, oldest first. {@code --follow} then prints
 * each new trade from the provider's trade stream (polling only a provider without one), each once.
 */
@Command(name = "trades", mixinStandardHelpOptions = true, description = "The most recent public trades, oldest first.")
final class TradesCommand extends RepeatingCommand<List<Trade>> {
  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20", description = "How many, 1..1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new trades from the stream (JSON: one object per trade).")
  boolean follow;

  @Override
  boolean repeating() {
    return follow;
  }

  @Override
  String repeatOption() {
    return "--follow";
  }

  @Override
  void validateOwn() {
    range("--limit", limit, 1, 1000);
  }

  @Override
  Updates<List<Trade>> updates(MarketSession session, boolean stream) {
    return Updates.trades(session.client(), stream ? session.streams() : Optional.empty(), symbol, limit, interval);
  }

  @Override
  void show(MarketSession session, List<Trade> trades, int shown, String source, Output out) {
    print(session.provider(), trades, out, shown == 0, follow ? source : null);
  }

  private void print(Provider provider, List<Trade> trades, Output out, boolean header, String source) {
    if (out.json()) {
      for (Trade t : trades) {
        Map<String, Object> o = json(provider, symbol, t);
        if (source != null) {
          o.put("source", source);
        }
        out.json(o);
      }
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
