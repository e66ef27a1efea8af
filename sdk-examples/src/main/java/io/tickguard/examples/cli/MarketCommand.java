package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that talks to one provider: checks every input first (a usage error starts nothing),
 * then opens a {@link MarketSession} and runs.
 */
abstract class MarketCommand implements Callable<Integer> {
  @ParentCommand
  TickGuardCli root;

  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions connection;

  @Mixin
  OutputOptions output;

  /** Checks the command's own arguments; throw {@link #usage} on a bad one. */
  void validate() {}

  /** Names the command when it needs a key, else {@code null}. */
  String keyNeededBy() {
    return null;
  }

  /**
   * The symbols whose tickers the command asks for first (empty: none); the embedded sandbox
   * prepares them while the client is built.
   */
  List<Symbol> firstTickers() {
    return List.of();
  }

  /** Runs against the open session and returns the exit code. */
  abstract int run(MarketSession session, Output out) throws InterruptedException;

  Provider provider() {
    try {
      return connection.provider();
    } catch (IllegalArgumentException e) {
      return Provider.BINANCE;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    connection.validate(spec);
    validate();
    Output out = new Output(root.context(), output);
    try (MarketSession session = MarketSession.open(root.context(), connection, output, keyNeededBy(), firstTickers())) {
      return run(session, out);
    }
  }

  /** A usage error of this command (exit code 2, short usage). */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Checks that {@code value} of {@code option} is in {@code [min, max]}. */
  void range(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw usage(option + " must be " + min + ".." + max + ", was " + value);
    }
  }
}
