package io.tickguard.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the outside world: its streams, the environment (keys come from
 * there), whether output goes to a terminal, and how sandboxes start. Tests pass their own.
 *
 * @param out where results go
 * @param err where errors, progress and the audit trail go
 * @param env the environment variables
 * @param terminal whether {@code out} is an interactive terminal (colour and in-place redraws)
 * @param sandboxes starts embedded and standalone sandboxes
 * @param progressDelay how long a step may take before a progress indicator appears
 */
record CliContext(
    PrintStream out, PrintStream err, Map<String, String> env, boolean terminal, SandboxLauncher sandboxes,
    Duration progressDelay) {

  /** The real process: {@code System.out}, the real environment, a terminal when there is a console. */
  static CliContext system() {
    return new CliContext(System.out, System.err, System.getenv(), System.console() != null, SandboxLauncher.embedded(),
        Duration.ofSeconds(1));
  }

  /** Colour is used on a terminal only, never with {@code NO_COLOR} set (https://no-color.org) or {@code TERM=dumb}. */
  boolean colourAllowed() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /** The terminal width from {@code COLUMNS}, else 80. */
  int columns() {
    return Optional.ofNullable(env.get("COLUMNS")).flatMap(CliContext::positive).orElse(80);
  }

  private static Optional<Integer> positive(String text) {
    try {
      int n = Integer.parseInt(text.trim());
      return n > 0 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
