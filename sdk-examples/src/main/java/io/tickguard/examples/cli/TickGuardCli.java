package io.tickguard.examples.cli;

import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.Symbol;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code tickguard} command line: market data from every provider, from an embedded sandbox
 * (the default: no internet, no keys) or live, plus the guided demo, a standalone sandbox and a
 * connection doctor. {@code docs/cli.md} describes every command; {@code tickguard -h} lists them.
 *
 * <p>Usage errors are found before anything starts and exit with 2; see {@link ExitCodes}.
 */
@Command(name = "tickguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Secure market data from Binance, Kraken, Coinbase and Insightease.",
        "Without --live or --base-url every market command talks to an embedded sandbox that speaks the "
            + "provider's wire format over pinned TLS (no internet, no keys). Without a command: the demo."},
    subcommands = {DemoCommand.class, TickerCommand.class, BookCommand.class, TradesCommand.class,
        CandlesCommand.class, InstrumentsCommand.class, BalancesCommand.class, TimeCommand.class,
        DoctorCommand.class, SandboxCommand.class, HelpCommand.class, AutoComplete.GenerateCompletion.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  done", "  1  the call failed (the typed exception is printed)", "  2  usage: the command line was wrong",
        "  3  configuration: a key, key file or CA file is missing or unusable", "  4  a doctor check failed",
        "Keys come only from environment variables or from files named by --key-file; see docs/cli.md."})
public final class TickGuardCli implements Callable<Integer> {
  private final CliContext context;

  TickGuardCli(CliContext context) {
    this.context = context;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(new TickGuardCli(CliContext.system()).execute(args));
  }

  CliContext context() {
    return context;
  }

  /** Runs {@code args} and returns the exit code. */
  int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line (also what the completion script is generated from). */
  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    cl.setOut(new PrintWriter(context.out(), true));
    cl.setErr(new PrintWriter(context.err(), true));
    cl.registerConverter(Symbol.class, new SymbolConverter());
    cl.registerConverter(Instant.class, new InstantConverter());
    cl.setParameterExceptionHandler(this::usageError);
    cl.setExecutionExceptionHandler(this::failure);
    cl.setExitCodeExceptionMapper(e -> ExitCodes.CALL_FAILED);
    return cl;
  }

  /** Without a command: the guided demo. */
  @Override
  public Integer call() {
    return new DemoCommand().run(context);
  }

  /** One line naming what is wrong, then the command's own synopsis: nothing has started. */
  private int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + Text.clean(String.valueOf(e.getMessage())));
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.print(cmd.getHelp().fullSynopsis());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** One line with the typed failure and what to do about it; exit code by kind. */
  private int failure(Exception e, CommandLine cmd, ParseResult parse) {
    PrintWriter err = cmd.getErr();
    Object command = cmd.getCommand();
    Provider provider = command instanceof MarketCommand m ? m.provider() : Provider.BINANCE;
    int code;
    String line;
    if (e instanceof ConfigurationException) {
      code = ExitCodes.CONFIGURATION;
      line = e.getMessage();
    } else if (e instanceof TickGuardException t) {
      code = ExitCodes.CALL_FAILED;
      line = t.getClass().getSimpleName() + ": " + t.getMessage() + Hints.of(t, provider);
    } else if (e instanceof UnsupportedOperationException) {
      code = ExitCodes.CALL_FAILED;
      line = "not offered by " + provider.id() + ": " + e.getMessage();
    } else {
      code = ExitCodes.CALL_FAILED;
      line = "unexpected " + e.getClass().getName() + ": " + e.getMessage();
    }
    err.println("tickguard: " + Text.clean(line));
    if (command instanceof MarketCommand m && m.output.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
