package io.tickguard.examples.cli;

import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.examples.Demo;
import io.tickguard.testkit.SandboxMain;
import io.tickguard.testkit.SandboxServer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tickguard} command line: the demo, a standalone sandbox, and market data from any
 * provider, either live or from an embedded sandbox that speaks the provider's wire format.
 *
 * <pre>
 * java -jar tickguard.jar                                   # the demo
 * java -jar tickguard.jar binance --sandbox book BTC/USDT 5 # a book from the embedded sandbox
 * java -jar tickguard.jar kraken ticker BTC/USD ETH/USD     # live, public data
 * BINANCE_API_KEY=... BINANCE_API_SECRET=... java -jar tickguard.jar binance balances
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 the call failed (the typed exception's message is printed; no secret
 * ever is), 2 the command line was not understood.
 */
public final class TickGuardCli {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  TickGuardCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("sandbox")) {
      SandboxMain.main(Arrays.copyOfRange(args, 1, args.length)); // serves until interrupted
      return;
    }
    System.exit(new TickGuardCli(System.out, System.err, System.getenv()).run(List.of(args)));
  }

  /** Runs {@code args} and returns the exit code. */
  int run(List<String> args) {
    if (args.isEmpty() || args.get(0).equals("demo")) {
      return Demo.run(out);
    }
    if (args.get(0).equals("help") || args.get(0).equals("--help")) {
      out.println(usage());
      return 0;
    }
    try {
      return market(args);
    } catch (UsageException e) {
      err.println("tickguard: " + e.getMessage());
      err.println(usage());
      return 2;
    } catch (TickGuardException e) {
      err.println("tickguard: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    } catch (UnsupportedOperationException e) {
      err.println("tickguard: not offered: " + e.getMessage());
      return 1;
    }
  }

  private int market(List<String> args) {
    Provider provider = Provider.named(args.get(0).toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new UsageException("unknown provider or command '" + args.get(0) + "'"));
    boolean sandbox = false;
    Optional<String> baseUrl = Optional.empty();
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--sandbox")) {
        sandbox = true;
      } else if (a.equals("--base-url")) {
        if (i + 1 >= args.size()) {
          throw new UsageException("--base-url needs a URL");
        }
        baseUrl = Optional.of(args.get(++i));
      } else {
        rest.add(a);
      }
    }
    if (sandbox && baseUrl.isPresent()) {
      throw new UsageException("--sandbox and --base-url exclude each other");
    }
    if (sandbox) {
      try (SandboxServer server = provider.startSandbox();
          CryptoMarketData client = provider.sandboxClient(server)) {
        err.println("(embedded " + provider.name() + " sandbox at " + server.baseUrl() + ", pinned TLS, demo keys)");
        new MarketCommand(out).run(client, rest);
      }
      return 0;
    }
    try (CryptoMarketData client = provider.liveClient(baseUrl, env)) {
      new MarketCommand(out).run(client, rest);
    }
    return 0;
  }

  static String usage() {
    return String.join("\n",
        "Usage: tickguard [demo]                       the guided demo against the embedded sandbox",
        "       tickguard sandbox [options]            serve the sandbox (every provider's routes); --help for options",
        "       tickguard PROVIDER [--sandbox | --base-url URL] COMMAND [ARGS]",
        "PROVIDER: " + String.join(", ", Provider.names()),
        "  --sandbox        run against an embedded sandbox speaking the provider's format (no internet, no keys)",
        "  --base-url URL   another endpoint of the provider (a testnet); https only",
        "COMMAND:",
        MarketCommand.USAGE,
        "Credentials (only for balances) come from the environment:",
        Provider.credentialHelp());
  }
}
