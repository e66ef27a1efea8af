package io.tickguard.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * An {@code fx} subcommand: checks every input first (a usage error starts nothing), then opens an
 * {@link FxSession} and runs, as {@link MarketCommand} does for crypto.
 */
abstract class FxMarketCommand implements Callable<Integer> {
  @ParentCommand
  FxCommand parent;

  @Spec
  CommandSpec spec;

  @Mixin
  FxConnectionOptions connection;

  @Mixin
  OutputOptions output;

  /** Checks the command's own arguments; throw {@link #usage} on a bad one. */
  void validate() {}

  /** Runs against the open session and returns the exit code. */
  abstract int run(FxSession session, Output out);

  /** The provider named, or OANDA when the name is not one (only for wording a failure). */
  FxProvider provider() {
    try {
      return connection.provider();
    } catch (IllegalArgumentException e) {
      return FxProvider.OANDA;
    }
  }

  @Override
  public Integer call() {
    connection.validate(spec);
    validate();
    CliContext context = parent.root.context();
    Output out = new Output(context, output);
    try (FxSession session = FxSession.open(context, connection, output)) {
      return run(session, out);
    }
  }

  /** A usage error of this command (exit code 2, short usage). */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
