package io.tickguard.examples.programs;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import io.tickguard.testkit.stream.LivePublisher;
import io.tickguard.testkit.stream.LiveStreams;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A local order book kept from Binance's WebSocket diff stream: snapshot, buffered diffs, sequence
 * checks, resync on a gap. Against the embedded sandbox by default (which publishes a book change
 * each time the example ticks it), or Binance with {@code --live}.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.StreamingBookExample [--live]</pre>
 */
public final class StreamingBookExample {
  private static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");
  private static final int UPDATES = 5;
  /** Ticks of the sandbox's publisher before giving up: a bound, never reached on a working stream. */
  private static final int MAX_TICKS = 500;

  private StreamingBookExample() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when the book synced and {@value #UPDATES} updates were applied. */
  public static int run(List<String> args, PrintStream out) {
    if (args.contains("--live")) {
      try (BinanceClient binance = BinanceClient.builder().build()) {  // public streams: no key
        return watch(binance, Optional.empty(), () -> { }, out);  // Binance publishes by itself
      }
    }
    LiveStreams streams = ProviderSandbox.BINANCE.streams(42, List.of("BTC-USDT")).orElseThrow();
    try (LivePublisher publisher = new LivePublisher(List.of(streams), Duration.ofMillis(250));
         SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder().routes(streams)).start();
         BinanceClient binance = BinanceClient.builder().config(sandbox.clientConfig()).build()) {
      // The sandbox publishes when ticked; the example ticks it while it waits, so the run is deterministic.
      return watch(binance, Optional.of(sandbox.baseUrl()), publisher::tick, out);
    }
  }

  private static int watch(BinanceClient binance, Optional<String> streamUrl, Runnable publish, PrintStream out) {
    var builder = binance.streams().buffer(1024, Backpressure.DROP_OLDEST); // queue mode: this thread polls
    streamUrl.ifPresent(builder::baseUrl);
    try (MarketStream stream = builder.open()) {
      stream.subscribe(List.of(new Subscription(BTC_USDT, StreamChannel.BOOK)));
      int applied = 0;
      for (int tick = 0; tick < MAX_TICKS && applied < UPDATES; tick++) {
        publish.run();
        Optional<MarketEvent> event = stream.poll(Duration.ofMillis(200));
        if (event.isPresent() && event.get() instanceof BookUpdateEvent
            && stream.book(BTC_USDT, 3).isPresent()) {
          applied++;
          print(stream.book(BTC_USDT, 3).get(), out);
        }
      }
      if (applied < UPDATES) {
        out.println("the book did not sync: " + applied + " of " + UPDATES + " updates applied");
        return 1;
      }
      return 0;
    }
  }

  private static void print(OrderBook book, PrintStream out) {
    out.println(book.symbol() + " bid " + level(book.bids()) + " | ask " + level(book.asks())
        + " | spread " + book.spread().map(s -> s.toPlainString()).orElse("-"));
  }

  private static String level(List<PriceLevel> side) {
    return side.isEmpty() ? "-" : side.get(0).price().toPlainString() + " x " + side.get(0).size().toPlainString();
  }
}
