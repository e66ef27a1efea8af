package io.tickguard.examples.cli;

import io.tickguard.crypto.Instrument;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tickguard instruments [FILTER]}: the listed pairs and their trading rules. */
@Command(name = "instruments", mixinStandardHelpOptions = true, description = "Listed pairs (those containing FILTER) with their trading rules.")
final class InstrumentsCommand extends MarketCommand {
  @Parameters(paramLabel = "FILTER", arity = "0..1", defaultValue = "", description = "Only pairs containing this text, e.g. BTC or /USD")
  String filter;

  @Override
  int run(MarketSession session, Output out) {
    List<Instrument> all = session.client().instruments();
    String wanted = filter.toUpperCase(Locale.ROOT);
    List<Instrument> shown = all.stream().filter(i -> i.symbol().toString().contains(wanted)).toList();
    if (out.json()) {
      shown.forEach(i -> out.json(json(session.provider(), i)));
      return ExitCodes.OK;
    }
    Table table = Table.of("symbol", "provider symbol", "status", ">tick size", ">lot size", ">min notional");
    shown.forEach(i -> table.row(i.symbol().toString(), i.providerSymbol(), i.status().raw(), Text.plain(i.tickSize()),
        Text.plain(i.lotSize()), Text.plain(i.minNotional())));
    out.print(table);
    out.err().println(shown.size() + " of " + all.size() + " instruments" + (wanted.isEmpty() ? "" : " contain '" + Text.clean(wanted) + "'"));
    return ExitCodes.OK;
  }

  static Map<String, Object> json(Provider provider, Instrument i) {
    Map<String, Object> o = Output.object();
    o.put("type", "instrument");
    o.put("provider", provider.id());
    o.put("symbol", i.symbol().toString());
    o.put("providerSymbol", i.providerSymbol());
    o.put("status", i.status().kind().name().toLowerCase(Locale.ROOT));
    o.put("statusRaw", i.status().raw());
    o.put("tickSize", i.tickSize());
    o.put("lotSize", i.lotSize());
    o.put("minNotional", i.minNotional());
    return o;
  }
}
