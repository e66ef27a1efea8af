package io.tickguard.examples.cli;

import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.Symbol;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    description = {"Secure market data from Binance, Kraken, Coinbase and Insightease; forex from OANDA, Saxo and Insightease (fx).",
        "Without --live or --base-url every market command talks to an embedded sandbox that speaks the "
            + "provider's wire format over pinned TLS (no internet, no keys). Without a command: the demo."},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  done", "  1  the call failed (the typed exception is printed)", "  2  usage: the command line was wrong",
        "  3  configuration: a key, key file or CA file is missing or unusable", "  4  a doctor check failed",
        "Keys come only from environment variables or from files named by --key-file; see docs/cli.md."})
public final class TickGuardCli implements Callable<Integer> {
  /**
   * Every subcommand, in the order the help lists them. Registered in {@link #commandLine(String...)}
   * rather than in the annotation, so that a run naming one of them builds only its model.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, TickerCommand.class, PriceCommand.class, BookCommand.class,
      TradesCommand.class, CandlesCommand.class, InstrumentsCommand.class, BalancesCommand.class, TimeCommand.class,
      DoctorCommand.class, SandboxCommand.class, FxCommand.class, LoginCommand.class, HelpCommand.class,
      AutoComplete.GenerateCompletion.class);
  /** The subcommands that read the whole command tree: a run naming them needs every sibling. */
  private static final Set<Class<?>> NEED_EVERY_SIBLING = Set.of(HelpCommand.class, AutoComplete.GenerateCompletion.class);

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
    return commandLine(args).execute(args);
  }

  /** The configured picocli command line with every subcommand (also what the completion script is generated from). */
  CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured picocli command line for {@code args}. When the first argument names a subcommand
   * exactly, only that subcommand is registered: picocli builds each command's model by reflection
   * at registration, and building all of them was about a third of a start's CPU before the first
   * answer (docs/performance.md). Parsing, validation, usage errors and help of the named command are
   * the same either way; anything else (root options, a mistyped command, {@code help},
   * {@code generate-completion}) gets the whole tree.
   */
  CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(this);
    Optional<Class<?>> named = args.length == 0 ? Optional.empty() : SUBCOMMANDS.stream()
        .filter(c -> !NEED_EVERY_SIBLING.contains(c) && c.getAnnotation(Command.class).name().equals(args[0])).findFirst();
    for (Class<?> subcommand : named.map(List::<Class<?>>of).orElse(SUBCOMMANDS)) {
      cl.addSubcommand(subcommand);
    }
    // Picocli's text goes out in the platform charset, like everything else printed on these streams.
    cl.setOut(new PrintWriter(new OutputStreamWriter(context.out(), Charset.defaultCharset()), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(context.err(), Charset.defaultCharset()), true));
    cl.registerConverter(Symbol.class, new SymbolConverter());
    cl.registerConverter(Instant.class, new InstantConverter());
    cl.registerConverter(io.tickguard.forex.CurrencyPair.class, new ForexConverters.Pair());
    cl.registerConverter(io.tickguard.forex.Currency.class, new ForexConverters.Code());
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
    } else if (e instanceof SandboxStartException) {
      code = ExitCodes.CALL_FAILED;
      line = e.getMessage();
    } else if (e instanceof TickGuardException t && command instanceof FxMarketCommand f) {
      code = ExitCodes.CALL_FAILED;
      line = t.getClass().getSimpleName() + ": " + t.getMessage() + Hints.ofForex(t, f.provider());
    } else if (e instanceof TickGuardException t && command instanceof LoginSaxoCommand) {
      code = ExitCodes.CALL_FAILED;
      line = t.getClass().getSimpleName() + ": " + t.getMessage() + Hints.ofForex(t, FxProvider.SAXO);
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
    if (command instanceof MarketCommand m && m.output.verbose || command instanceof FxMarketCommand f && f.output.verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }
}
