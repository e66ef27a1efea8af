package io.tickguard.examples.programs;

import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One client shared by many threads: clients are thread-safe and hold the connection pool and the
 * throttle, so a process needs one per provider account, not one per thread. Eight threads ask for
 * tickers at once; one throttle keeps them all within Binance's limits.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.SharedClientExample [--live]</pre>
 */
public final class SharedClientExample {
  static final int THREADS = 8;
  static final int CALLS_PER_THREAD = 5;

  private SharedClientExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when every thread got every ticker. */
  public static int run(List<String> args, PrintStream out) throws Exception {
    if (args.contains("--live")) {
      try (BinanceClient binance = BinanceClient.builder().build()) {
        return hammer(binance, out);
      }
    }
    try (SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder()).start();
         BinanceClient binance = BinanceClient.builder().config(sandbox.clientConfig()).build()) {
      return hammer(binance, out);
    }
  }

  private static int hammer(CryptoMarketData shared, PrintStream out) throws Exception {
    List<Symbol> symbols = List.of(Symbol.of("BTC", "USDT"), Symbol.of("ETH", "USDT"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            shared.ticker(symbols.get((thread + i) % symbols.size()));
          }
          return CALLS_PER_THREAD;
        }));
      }
      int calls = 0;
      for (Future<Integer> f : done) {
        calls += f.get();
      }
      out.println(calls + " tickers from " + THREADS + " threads through one client");
      return calls == THREADS * CALLS_PER_THREAD ? 0 : 1;
    } finally {
      pool.shutdownNow();
    }
  }
}
