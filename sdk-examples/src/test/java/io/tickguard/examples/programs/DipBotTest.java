package io.tickguard.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ClientConfig;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import io.tickguard.testkit.junit.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bot skeleton against the Binance-format sandbox: the test a bot author starts from. */
@Sandbox(seed = 42, providers = ProviderSandbox.BINANCE)
class DipBotTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void waitsUntilItsWindowIsFullThenBuysWhenTheThresholdIsAlwaysMet(ClientConfig config) throws Exception {
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      // A negative dip puts the threshold above any ask: every full-window tick is a BUY.
      DipBot bot = new DipBot(binance, BTC, 3, new BigDecimal("-1"));
      assertThat(bot.run(5, Duration.ZERO, out)).isEqualTo(5);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("BTC/USDT WAIT", "BTC/USDT WAIT", "BTC/USDT WAIT", "BTC/USDT BUY", "BTC/USDT BUY");
  }

  @Test
  void neverBuysWhenTheAskStaysAboveTheThreshold(ClientConfig config) throws Exception {
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      DipBot bot = new DipBot(binance, BTC, 2, new BigDecimal("0.5"));
      assertThat(bot.run(4, Duration.ZERO, out)).isEqualTo(4);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("BUY");
  }

  @Test
  void aFailedCallIsSkippedAndTheLoopGoesOn(ClientConfig config, SandboxServer sandbox) throws Exception {
    sandbox.faults().next(1, Fault.malformedJson());
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      assertThat(new DipBot(binance, BTC, 2, BigDecimal.ZERO).run(3, Duration.ZERO, out)).isEqualTo(2);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("skipped: InvalidResponseException");
  }
}
