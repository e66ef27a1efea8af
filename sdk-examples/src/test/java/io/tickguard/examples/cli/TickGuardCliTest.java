package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command line against embedded sandboxes: every provider, every command, and its refusals. */
class TickGuardCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    TickGuardCli cli = new TickGuardCli(
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    return cli.run(List.of(args));
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"binance", "kraken", "coinbase"})
  void exchangesAnswerEveryCommandFromTheirSandbox(String provider) {
    String symbol = "BTC/USDT"; // the sandbox market lists USDT pairs
    assertThat(run(provider, "--sandbox", "time")).as(err()).isZero();
    assertThat(out()).contains("server time");
    assertThat(run(provider, "--sandbox", "instruments", "BTC")).as(err()).isZero();
    assertThat(out()).contains(symbol);
    assertThat(run(provider, "--sandbox", "ticker", symbol)).as(err()).isZero();
    assertThat(run(provider, "--sandbox", "book", symbol, "3")).as(err()).isZero();
    assertThat(out()).contains("spread");
    assertThat(run(provider, "--sandbox", "trades", symbol, "5")).as(err()).isZero();
    assertThat(run(provider, "--sandbox", "candles", symbol, "1h")).as(err()).isZero();
    assertThat(out()).contains("open time");
    assertThat(run(provider, "--sandbox", "balances")).as(err()).isZero();
    assertThat(out()).contains("asset");
  }

  @Test
  void insighteaseAnswersItsPriceCommandsAndRefusesTheOthersClearly() {
    assertThat(run("insightease", "--sandbox", "ticker", "BTC/USDT")).as(err()).isZero();
    assertThat(out()).contains("BTC/USDT");
    assertThat(run("insightease", "--sandbox", "book", "BTC/USDT")).isEqualTo(1);
    assertThat(err()).contains("Insightease");
  }

  @Test
  void liveInsighteaseWithoutAKeyIsAUsageErrorBeforeAnyCall() {
    assertThat(run("insightease", "ticker", "BTC/USD")).isEqualTo(2);
    assertThat(err()).contains("INSIGHTEASE_API_KEY");
  }

  @Test
  void badInputIsNamedWithExitCodeTwo() {
    assertThat(run("bitstamp", "time")).isEqualTo(2);
    assertThat(err()).contains("bitstamp");
    assertThat(run("binance", "--sandbox", "book", "BTCUSDT")).isEqualTo(2);
    assertThat(err()).contains("BASE/QUOTE");
    assertThat(run("binance", "--sandbox", "book", "BTC/USDT", "ten")).isEqualTo(2);
    assertThat(err()).contains("DEPTH");
    assertThat(run("binance", "--sandbox", "--base-url", "https://example.com", "time")).isEqualTo(2);
  }

  @Test
  void providerRefusalIsExitCodeOneWithTheTypedMessage() {
    assertThat(run("binance", "--sandbox", "book", "BTC/USDT", "6000")).isEqualTo(1);
    assertThat(err()).contains("InvalidRequestException").contains("depth");
  }

  @Test
  void helpListsProvidersCommandsAndCredentialVariables() {
    assertThat(run("help")).isZero();
    assertThat(out()).contains("binance, kraken, coinbase, insightease").contains("candles SYMBOL INTERVAL")
        .contains("KRAKEN_PRIVATE_KEY");
  }
}
