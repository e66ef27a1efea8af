package io.tickguard.examples.cli;

import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.providers.ProviderSandbox;
import io.tickguard.testkit.stream.LivePublisher;
import io.tickguard.testkit.stream.LiveStreams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the sandboxes the command line talks to. An interface so that tests can count starts:
 * a usage error must be reported before any sandbox starts.
 */
interface SandboxLauncher {

  /** Starts a sandbox serving {@code providers}' wire formats with market seed {@code seed}. */
  SandboxServer start(List<ProviderSandbox> providers, long seed, int port);

  /**
   * {@link #start}, with a failure other than a typed TickGuard one (a port that cannot be bound,
   * certificates that cannot be generated) as a {@link SandboxStartException} naming {@code what}.
   */
  default SandboxServer startOrFail(String what, List<ProviderSandbox> providers, long seed, int port) {
    try {
      return start(providers, seed, port);
    } catch (io.tickguard.core.TickGuardException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SandboxStartException(what, e);
    }
  }

  /**
   * MockWebServer logs every connection that sends no request (such as {@code doctor}'s TLS probe)
   * at WARNING through java.util.logging; in the tool that is noise on the user's terminal. Held
   * here because java.util.logging keeps loggers only weakly.
   */
  java.util.logging.Logger QUIET = quiet();

  private static java.util.logging.Logger quiet() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer");
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  /** How often the sandbox's streams publish a book change and a trade per symbol. */
  Duration LIVE_INTERVAL = Duration.ofMillis(250);

  /**
   * The launcher of the real tool: each provider's REST routes and, where the provider has them, its
   * WebSocket market streams, live (a book change and a trade per symbol every {@link #LIVE_INTERVAL}).
   */
  static SandboxLauncher embedded() {
    return (providers, seed, port) -> {
      List<Instrument> instruments = instruments();
      List<String> symbols = instruments.stream().map(Instrument::symbol).toList();
      SandboxServer.Builder b = SandboxServer.builder().demoRoutes(false).seed(seed).port(port).instruments(instruments);
      List<LiveStreams> streams = new ArrayList<>();
      for (ProviderSandbox p : providers) {
        // Before the provider's REST routes: Binance's depth snapshots then come from the streamed book.
        p.streams(seed, symbols).ifPresent(s -> {
          streams.add(s);
          b.routes(s);
        });
        p.install(b);
      }
      LivePublisher live = new LivePublisher(streams, LIVE_INTERVAL);
      SandboxServer server = b.closing(live).start();
      live.start();
      return server;
    };
  }

  /**
   * The sandbox's default instruments plus the USD pairs the README's live examples use, so that
   * every example works against the sandbox as written.
   */
  static List<Instrument> instruments() {
    List<Instrument> all = new ArrayList<>(MarketSimulator.defaultInstruments());
    all.add(new Instrument("BTC-USD", new BigDecimal("65010.0"), new BigDecimal("0.1"), new BigDecimal("0.00001"), 50_000, 0.03));
    all.add(new Instrument("ETH-USD", new BigDecimal("3201.00"), new BigDecimal("0.01"), new BigDecimal("0.0001"), 50_000, 0.04));
    return List.copyOf(all);
  }
}
