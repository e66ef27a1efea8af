package io.tickguard.examples.cli;

import io.tickguard.testkit.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the command line in-process with captured streams and a counting sandbox launcher. */
final class CliHarness {
  final AtomicInteger sandboxesStarted = new AtomicInteger();
  final Map<String, String> env = new HashMap<>();
  boolean terminal;
  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs {@code args}; stdout and stderr of this run only are kept. */
  int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    SandboxLauncher counting = (providers, seed, port) -> {
      sandboxesStarted.incrementAndGet();
      return SandboxLauncher.embedded().start(providers, seed, port);
    };
    // No progress indicator in tests: its timing is the machine's, not the test's.
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env), terminal, counting, Duration.ofDays(1));
    return new TickGuardCli(context).execute(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A standalone sandbox with every provider's routes, as {@code tickguard sandbox} starts it. */
  static SandboxServer standalone() {
    return SandboxLauncher.embedded().start(
        java.util.List.of(io.tickguard.testkit.providers.ProviderSandbox.values()), 42, 0);
  }
}
