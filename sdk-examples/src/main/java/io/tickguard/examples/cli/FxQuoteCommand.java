package io.tickguard.examples.cli;

import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tickguard fx quote PAIR...}: bid, ask, mid and spread of each pair. */
@Command(name = "quote", mixinStandardHelpOptions = true, description = "Bid, ask, mid and spread in pips of each pair.")
final class FxQuoteCommand extends FxMarketCommand {
  @Parameters(paramLabel = "PAIR", arity = "1..*", description = "EUR/USD, EUR_USD or EURUSD")
  List<CurrencyPair> pairs;

  @Override
  void validate() {
    if (new LinkedHashSet<>(pairs).size() != pairs.size()) {
      throw usage("each PAIR once, please: " + pairs);
    }
  }

  @Override
  int run(FxSession session, Output out) {
    List<Quote> quotes = session.client().quotes(pairs.toArray(CurrencyPair[]::new));
    if (out.json()) {
      quotes.forEach(q -> out.json(json(session.provider(), q)));
      return ExitCodes.OK;
    }
    Table table = Table.of("pair", "#bid", "#ask", "#mid", "#spread pips", "status", "time").sameScale("bid", "ask");
    for (Quote q : quotes) {
      table.row(q.pair().toString(), q.bid(), q.ask(), q.mid(), q.spreadPips(), status(q), q.time().toString());
    }
    out.print(table);
    return ExitCodes.OK;
  }

  private static String status(Quote q) {
    return (q.isTradeable() ? "tradeable" : "indicative") + (q.stale() ? ", stale" : "");
  }

  static Map<String, Object> json(FxProvider provider, Quote q) {
    Map<String, Object> o = Output.object();
    o.put("type", "fxQuote");
    o.put("provider", provider.id());
    o.put("pair", q.pair().toString());
    o.put("bid", q.bid());
    o.put("ask", q.ask());
    o.put("mid", q.mid());
    o.put("spreadPips", q.spreadPips());
    o.put("tradeable", q.isTradeable());
    o.put("stale", q.stale());
    o.put("time", q.time());
    return o;
  }
}
