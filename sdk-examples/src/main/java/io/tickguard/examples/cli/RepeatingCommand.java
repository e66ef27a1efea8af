package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The shape {@code book} and {@code trades} share: one symbol, shown once, or repeatedly ({@code
 * --watch} / {@code --follow}) from {@link Updates}, a stream where the provider has one, with
 * {@code --interval} between polls otherwise and {@code --count} to stop.
 *
 * @param <T> one update
 */
abstract class RepeatingCommand<T> extends MarketCommand {
  @Parameters(paramLabel = "SYMBOL", description = "BASE/QUOTE, e.g. BTC/USDT")
  Symbol symbol;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "Time between polls when repeating and the provider has no stream (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N updates when repeating (default: until Ctrl-C).")
  int count;

  /** Whether the user asked to keep going. */
  abstract boolean repeating();

  /** The option that asks for it ({@code --watch}). */
  abstract String repeatOption();

  /** Checks the command's own options. */
  void validateOwn() {}

  /** The updates to show: from a stream when {@code stream} and the provider has one, else polled. */
  abstract Updates<T> updates(MarketSession session, boolean stream);

  /** Shows update number {@code shown} (0 first). */
  abstract void show(MarketSession session, T update, int shown, String source, Output out);

  @Override
  final void validate() {
    validateOwn();
    range("--count", count, 0, Integer.MAX_VALUE);
    if (interval.isNegative()) {
      throw usage("--interval must not be negative");
    }
    if (!repeating() && count > 0) {
      throw usage("--count needs " + repeatOption());
    }
  }

  @Override
  final int run(MarketSession session, Output out) throws InterruptedException {
    try (Updates<T> updates = updates(session, repeating())) {
      int shown = 0;
      do {
        show(session, updates.next(), shown, updates.source(), out);
        shown++;
      } while (repeating() && (count == 0 || shown < count));
    }
    return ExitCodes.OK;
  }
}
