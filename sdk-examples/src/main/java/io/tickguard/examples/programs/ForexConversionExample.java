package io.tickguard.examples.programs;

import io.tickguard.core.auth.Secret;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.Currency;
import io.tickguard.forex.oanda.OandaClient;
import io.tickguard.forex.oanda.OandaKeys;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Forex conversion with OANDA: 1,000 EUR into USD (the EUR/USD quote) and into GBP (a cross through
 * USD), each with its rate, path and rounding, from the embedded sandbox, or from OANDA's practice
 * host with {@code --live} ({@code OANDA_API_TOKEN} and {@code OANDA_ACCOUNT_ID} set).
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.ForexConversionExample [--live]</pre>
 */
public final class ForexConversionExample {
  private ForexConversionExample() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when both conversions were made. */
  public static int run(List<String> args, PrintStream out) {
    if (args.contains("--live")) {
      String account = System.getenv("OANDA_ACCOUNT_ID");
      if (account == null) {
        out.println("set OANDA_API_TOKEN and OANDA_ACCOUNT_ID for --live");
        return 3;
      }
      try (OandaClient oanda = OandaClient.builder().credentials(OandaKeys.token(Secret.fromEnv("OANDA_API_TOKEN")))
          .accountId(account).build()) {
        convert(oanda, out);
      }
      return 0;
    }
    try (SandboxServer sandbox = ProviderSandbox.OANDA.install(SandboxServer.builder()).start();
         OandaClient oanda = OandaClient.builder().config(sandbox.clientConfig())
             .credentials(OandaKeys.token(OandaRoutes.DEMO_TOKEN)).accountId(OandaRoutes.DEMO_ACCOUNT).build()) {
      convert(oanda, out);
    }
    return 0;
  }

  private static void convert(OandaClient oanda, PrintStream out) {
    BigDecimal amount = new BigDecimal("1000");
    for (String target : List.of("USD", "GBP")) {
      Conversion c = oanda.convert(amount, Currency.of("EUR"), Currency.of(target)); // rounded to the target's minor units
      out.println(c.amount().toPlainString() + " " + c.from() + " = " + c.result().toPlainString() + " " + c.to()
          + " at " + c.rate().toPlainString() + " (" + c.path().kind() + ", " + c.rounding() + ")");
    }
  }
}
