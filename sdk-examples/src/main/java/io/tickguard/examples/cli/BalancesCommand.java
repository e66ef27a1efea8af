package io.tickguard.examples.cli;

import io.tickguard.crypto.Balance;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tickguard balances}: the account's balances; a signed call that needs a key. */
@Command(name = "balances", mixinStandardHelpOptions = true,
    description = {"The account's balances (signed; the sandbox's demo key by default, live from the environment).",
        "Live keys: BINANCE_API_KEY/BINANCE_API_SECRET, KRAKEN_API_KEY/KRAKEN_PRIVATE_KEY, "
            + "COINBASE_KEY_NAME/COINBASE_PRIVATE_KEY_FILE, INSIGHTEASE_API_KEY; or --key-file FILE for the secret."})
final class BalancesCommand extends MarketCommand {
  @Override
  String keyNeededBy() {
    return "balances";
  }

  @Override
  int run(MarketSession session, Output out) {
    List<Balance> balances = session.client().balances();
    if (out.json()) {
      balances.forEach(b -> out.json(json(session.provider(), b)));
      return ExitCodes.OK;
    }
    Table table = Table.of("asset", "#free", "#locked", "#total");
    balances.forEach(b -> table.row(b.asset(), b.free(), b.locked(), b.total()));
    out.print(table);
    return ExitCodes.OK;
  }

  static Map<String, Object> json(Provider provider, Balance b) {
    Map<String, Object> o = Output.object();
    o.put("type", "balance");
    o.put("provider", provider.id());
    o.put("asset", b.asset());
    o.put("free", b.free());
    o.put("locked", b.locked());
    o.put("total", b.total());
    return o;
  }
}
