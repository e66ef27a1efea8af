package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the command line does to start fast stays invisible: a run naming one command parses and
 * helps exactly as the whole command tree does, the threads of a start end with the command, and a
 * sandbox that does not start is one line and exit code 1.
 */
class CliStartTest {
  private static final Set<String> START_THREADS = Set.of("tickguard-sandbox-certificates", TickerPreparation.THREAD_NAME);
  private final CliHarness cli = new CliHarness();

  private static boolean aStartThreadIsAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && START_THREADS.contains(t.getName()));
  }

  @Test
  void aRunNamingOneCommandBuildsOnlyItsModelWithTheSameHelp() {
    TickGuardCli tool = new TickGuardCli(CliContext.system());
    CommandLine whole = tool.commandLine();
    CommandLine one = tool.commandLine("ticker", "BTC/USDT");
    assertThat(one.getSubcommands()).containsOnlyKeys("ticker");
    assertThat(one.getSubcommands().get("ticker").getUsageMessage(CommandLine.Help.Ansi.OFF))
        .isEqualTo(whole.getSubcommands().get("ticker").getUsageMessage(CommandLine.Help.Ansi.OFF));
    assertThat(tool.commandLine("fx", "quote", "EUR/USD").getSubcommands().get("fx").getSubcommands())
        .containsOnlyKeys("quote", "convert", "candles");
    for (String[] args : new String[][] {{"help", "ticker"}, {"generate-completion"}, {"-h"}, {"tikcer"}, {}}) {
      assertThat(tool.commandLine(args).getSubcommands()).as(String.join(" ", args)).containsKeys("ticker", "book", "doctor", "help");
    }
  }

  @Test
  void aMistypedCommandIsStillAUsageErrorThatSuggestsTheRightOne() {
    assertThat(cli.run("tikcer", "BTC/USDT")).isEqualTo(2);
    assertThat(cli.err()).contains("Did you mean", "ticker");
    assertThat(cli.run("help", "ticker")).isZero();
    assertThat(cli.out()).contains("Usage: tickguard ticker");
    assertThat(cli.sandboxesStarted).hasValue(0);
  }

  @Test
  void aTickerLeavesNoThreadOfItsStartRunning() {
    for (String provider : new String[] {"binance", "coinbase"}) {
      assertThat(cli.run("ticker", "BTC/USD", "ETH/USDT", "-p", provider, "--json")).as(cli.err()).isZero();
      assertThat(cli.out()).contains("\"symbol\":\"BTC/USD\"", "\"symbol\":\"ETH/USDT\"");
      assertThat(aStartThreadIsAlive()).as(provider).isFalse();
    }
    // A symbol the sandbox does not list is not prepared; the request refuses it as before.
    assertThat(cli.run("ticker", "DOGE/USDT")).isEqualTo(ExitCodes.CALL_FAILED);
    assertThat(aStartThreadIsAlive()).isFalse();
    assertThat(cli.sandboxesStarted).hasValue(3);
  }

  @Test
  void aSandboxThatCannotStartIsOneLineAndExitCodeOneWithNothingLeftRunning() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      // The real start (certificates on their second thread, then the bind), on a port already taken.
      SandboxLauncher onTakenPort = (providers, seed, port) -> SandboxLauncher.embedded().start(providers, seed, taken.getLocalPort());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, onTakenPort, Duration.ofDays(1));
      int code = new TickGuardCli(context).execute("ticker", "BTC/USDT", "--json");
      String printed = err.toString(StandardCharsets.UTF_8);
      assertThat(code).as(printed).isEqualTo(ExitCodes.CALL_FAILED);
      assertThat(printed.lines()).singleElement().asString()
          .startsWith("tickguard: the embedded binance sandbox did not start: Cannot start the sandbox on 127.0.0.1:" + taken.getLocalPort());
      assertThat(out.size()).as("nothing on stdout").isZero();
      assertThat(aStartThreadIsAlive()).isFalse();
    }
  }
}
