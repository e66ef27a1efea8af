package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tickguard ticker SYMBOL...}: last price, best bid and ask, 24-hour range and volume. */
@Command(name = "ticker", mixinStandardHelpOptions = true, description = "Last, bid, ask and the 24 h range of each pair.")
final class TickerCommand extends PairsCommand {
  @Override
  int run(MarketSession session, Output out) {
    List<Ticker> tickers = session.client().tickers(symbols.toArray(Symbol[]::new));
    if (out.json()) {
      tickers.forEach(t -> out.json(json(session.provider(), t)));
      return ExitCodes.OK;
    }
    Table table = Table.of("symbol", "#last", "#bid", "#ask", "#24h low", "#24h high", "#24h volume", "time")
        .sameScale("last", "bid", "ask", "24h low", "24h high");
    for (Ticker t : tickers) {
      table.row(t.symbol().toString(), t.last(), t.bid(), t.ask(), t.low24h(), t.high24h(), t.volume24h(),
          t.time().map(Instant::toString).orElse("-"));
    }
    out.print(table);
    return ExitCodes.OK;
  }

  static Map<String, Object> json(Provider provider, Ticker t) {
    Map<String, Object> o = Output.object();
    o.put("type", "ticker");
    o.put("provider", provider.id());
    o.put("symbol", t.symbol().toString());
    o.put("last", t.last());
    o.put("bid", t.bid());
    o.put("ask", t.ask());
    o.put("open24h", t.open24h());
    o.put("high24h", t.high24h());
    o.put("low24h", t.low24h());
    o.put("volume24h", t.volume24h());
    o.put("time", t.time());
    return o;
  }
}
