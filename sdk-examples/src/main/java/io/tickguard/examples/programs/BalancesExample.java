package io.tickguard.examples.programs;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.util.List;

/**
 * A signed call: the account's balances. The sandbox's demo key by default; with {@code --live}
 * the key comes from {@code BINANCE_API_KEY} and {@code BINANCE_API_SECRET}, never from arguments.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.BalancesExample [--live]</pre>
 */
public final class BalancesExample {
  private BalancesExample() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when the balances arrived. */
  public static int run(List<String> args, PrintStream out) {
    if (args.contains("--live")) {
      String key = System.getenv("BINANCE_API_KEY");
      if (key == null || key.isEmpty()) {
        System.err.println("export BINANCE_API_KEY and BINANCE_API_SECRET first");
        return 3;
      }
      try (BinanceClient binance = BinanceClient.builder()
          .credentials(ApiCredentials.hmac(key, Secret.fromEnv("BINANCE_API_SECRET"))).build()) {
        print(binance.balances(), out);
      }
      return 0;
    }
    try (SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder()).start();
         BinanceClient binance = BinanceClient.builder().config(sandbox.clientConfig())
             .credentials(ApiCredentials.hmac(ProviderSandbox.BINANCE_API_KEY,
                 Secret.of(ProviderSandbox.BINANCE_API_SECRET.toCharArray())))
             .build()) {
      print(binance.balances(), out);
    }
    return 0;
  }

  private static void print(List<Balance> balances, PrintStream out) {
    for (Balance b : balances) {
      out.println(b.asset() + " free " + b.free().toPlainString() + " locked " + b.locked().toPlainString());
    }
  }
}
