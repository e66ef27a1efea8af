package io.tickguard.examples.programs;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.util.List;

/**
 * One ticker, one call: Binance's BTC/USDT from the embedded sandbox, or from Binance with {@code --live}.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.TickerExample [--live]</pre>
 */
public final class TickerExample {
  private TickerExample() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when the ticker arrived. */
  public static int run(List<String> args, PrintStream out) {
    if (args.contains("--live")) {
      try (BinanceClient binance = BinanceClient.builder().build()) {  // public data: no key
        print(binance.ticker(Symbol.of("BTC", "USDT")), out);
      }
      return 0;
    }
    try (SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder()).start();
         BinanceClient binance = BinanceClient.builder().config(sandbox.clientConfig()).build()) {
      print(binance.ticker(Symbol.of("BTC", "USDT")), out);
    }
    return 0;
  }

  private static void print(Ticker t, PrintStream out) {
    out.println(t.symbol() + " last " + t.last().toPlainString() + " bid " + t.bid().toPlainString()
        + " ask " + t.ask().toPlainString());
  }
}
