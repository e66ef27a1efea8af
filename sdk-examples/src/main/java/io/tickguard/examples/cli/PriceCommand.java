package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import java.math.BigDecimal;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code tickguard price SYMBOL...}: the last traded price of each pair from {@code lastPrice}, the
 * provider's lightest price call (one call per pair).
 */
@Command(name = "price", mixinStandardHelpOptions = true,
    description = "The last traded price of each pair, from the provider's lightest price call.")
final class PriceCommand extends PairsCommand {
  @Override
  int run(MarketSession session, Output out) {
    Table table = Table.of("symbol", "#price");
    for (Symbol s : symbols) {
      BigDecimal price = session.client().lastPrice(s);
      if (out.json()) {
        out.json(json(session.provider(), s, price));
      } else {
        table.row(s.toString(), price);
      }
    }
    if (!out.json()) {
      out.print(table);
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> json(Provider provider, Symbol symbol, BigDecimal price) {
    Map<String, Object> o = Output.object();
    o.put("type", "price");
    o.put("provider", provider.id());
    o.put("symbol", symbol.toString());
    o.put("price", price);
    return o;
  }
}
