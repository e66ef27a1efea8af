package io.tickguard.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tickguard fx quote|convert|candles}: forex from OANDA, Saxo and Insightease. */
@Command(name = "fx", mixinStandardHelpOptions = true,
    description = "Forex from OANDA, Saxo or Insightease (-p): quote, convert, candles.",
    subcommands = {FxQuoteCommand.class, FxConvertCommand.class, FxCandlesCommand.class})
final class FxCommand implements Callable<Integer> {
  @ParentCommand
  TickGuardCli root;

  @Spec
  CommandSpec spec;

  /** Without a subcommand: a usage error naming them. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name what to do: fx quote PAIR..., fx convert AMOUNT FROM TO, fx candles PAIR GRANULARITY");
  }
}
