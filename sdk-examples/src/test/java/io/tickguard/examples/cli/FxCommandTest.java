package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tickguard fx quote|convert|candles} for OANDA, Saxo and Insightease against the embedded
 * sandbox and a standalone one reached with --base-url: human and --json output, exit codes, usage
 * errors before any sandbox starts, missing credentials as configuration errors.
 */
class FxCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final CliHarness cli = new CliHarness();

  private static JsonNode[] jsonLines(String out) {
    return out.lines().map(JSON::readTree).toArray(JsonNode[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"oanda", "saxo", "insightease"})
  void quotePrintsATableAndJsonWithDecimalsAsStrings(String provider) {
    assertThat(cli.run("fx", "quote", "EUR/USD", "GBP_USD", "-p", provider)).as(cli.err()).isZero();
    assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("pair").contains("bid", "ask", "mid", "spread pips");
    assertThat(cli.out()).contains("EUR/USD ", "GBP/USD ");
    assertThat(cli.err()).contains("sandbox: " + provider + " format");

    assertThat(cli.run("fx", "quote", "EURUSD", "-p", provider, "--json")).as(cli.err()).isZero();
    JsonNode q = jsonLines(cli.out())[0];
    assertThat(q.get("type").asString()).isEqualTo("fxQuote");
    assertThat(q.get("provider").asString()).isEqualTo(provider);
    assertThat(q.get("pair").asString()).isEqualTo("EUR/USD");
    assertThat(q.get("bid").isString()).isTrue();
    BigDecimal bid = new BigDecimal(q.get("bid").asString());
    BigDecimal ask = new BigDecimal(q.get("ask").asString());
    assertThat(bid).isLessThanOrEqualTo(ask);
    assertThat(new BigDecimal(q.get("mid").asString())).isEqualByComparingTo(bid.add(ask).divide(BigDecimal.valueOf(2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"oanda", "saxo", "insightease"})
  void convertStatesRateResultPathAndRounding(String provider) {
    assertThat(cli.run("fx", "convert", "1000", "EUR", "USD", "-p", provider, "--json")).as(cli.err()).isZero();
    JsonNode c = jsonLines(cli.out())[0];
    assertThat(c.get("type").asString()).isEqualTo("fxConversion");
    assertThat(c.get("from").asString()).isEqualTo("EUR");
    assertThat(c.get("to").asString()).isEqualTo("USD");
    assertThat(c.get("scale").asInt()).as("USD's minor units").isEqualTo(2);
    assertThat(c.get("rounding").asString()).isEqualTo("HALF_EVEN");
    BigDecimal rate = new BigDecimal(c.get("rate").asString());
    assertThat(new BigDecimal(c.get("result").asString()))
        .isEqualTo(rate.multiply(new BigDecimal("1000")).setScale(2, java.math.RoundingMode.HALF_EVEN));

    assertThat(cli.run("fx", "convert", "100", "USD", "EUR", "-p", provider, "--scale", "4", "--rounding", "DOWN"))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("USD", "EUR", "DOWN");
  }

  @Test
  void convertThroughACrossNamesBothLegs() {
    assertThat(cli.run("fx", "convert", "50", "EUR", "GBP", "--json")).as(cli.err()).isZero();
    JsonNode c = jsonLines(cli.out())[0];
    assertThat(c.get("path").asString()).isEqualTo("CROSS");
    assertThat(c.get("legs")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"oanda", "saxo", "insightease"})
  void candlesPrintATableAndJson(String provider) {
    assertThat(cli.run("fx", "candles", "EUR/USD", "H1", "-n", "5", "-p", provider)).as(cli.err()).isZero();
    assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("time").contains("open", "close", "complete");
    assertThat(cli.run("fx", "candles", "EUR/USD", "h1", "-n", "5", "-p", provider, "--json")).as(cli.err()).isZero();
    JsonNode[] candles = jsonLines(cli.out());
    assertThat(candles).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(candles[0].get("type").asString()).isEqualTo("fxCandle");
    assertThat(candles[0].get("granularity").asString()).isEqualTo("H1");
    JsonNode prices = candles[0].get("mid").isNull() ? candles[0].get("bid") : candles[0].get("mid");
    assertThat(prices.get("open").isString()).isTrue();
  }

  @Test
  void usageErrorsAreOneLineAndStartNoSandbox() {
    List<String[]> bad = List.of(
        new String[] {"fx", "quote", "EURO-DOLLAR"},
        new String[] {"fx", "quote", "EUR/USD", "-p", "binance"},
        new String[] {"fx", "convert", "-5", "EUR", "USD"},
        new String[] {"fx", "convert", "5", "EUR", "EUR"},
        new String[] {"fx", "convert", "5", "EURO", "USD"},
        new String[] {"fx", "convert", "5", "EUR", "USD", "--scale", "40"},
        new String[] {"fx", "candles", "EUR/USD", "7m"},
        new String[] {"fx", "candles", "EUR/USD", "MN1"},
        new String[] {"fx", "quote", "EUR/USD", "--pin", "sha256/x"},
        new String[] {"fx", "quote", "EUR/USD", "-p", "oanda", "--live", "--token-file", "t"},
        new String[] {"fx"},
        new String[] {"login"},
        new String[] {"login", "saxo"});
    List<String> firstLines = new ArrayList<>();
    for (String[] args : bad) {
      assertThat(cli.run(args)).as(String.join(" ", args) + ": " + cli.err()).isEqualTo(ExitCodes.USAGE);
      firstLines.add(cli.err().lines().findFirst().orElseThrow());
    }
    assertThat(cli.sandboxesStarted.get()).as("no usage error starts a sandbox").isZero();
    assertThat(firstLines.get(0)).contains("not a currency pair");
    assertThat(firstLines.get(1)).contains("unknown forex provider 'binance'");
    assertThat(firstLines.get(6)).contains("GRANULARITY '7m'");
    assertThat(firstLines.get(7)).contains("give --from");
    assertThat(firstLines.get(12)).contains("needs --live or --base-url");
  }

  @Test
  void missingLiveCredentialsAreAConfigurationErrorNamingTheVariables() {
    assertThat(cli.run("fx", "quote", "EUR/USD", "-p", "oanda", "--live")).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(cli.err()).contains("OANDA_API_TOKEN").doesNotContain("withScopes").doesNotContain("Exception");
    cli.env.put("OANDA_API_TOKEN", "a-token");
    assertThat(cli.run("fx", "quote", "EUR/USD", "-p", "oanda", "--live")).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(cli.err()).contains("OANDA_ACCOUNT_ID");
    assertThat(cli.run("fx", "quote", "EUR/USD", "-p", "insightease", "--live")).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(cli.err()).contains("INSIGHTEASE_API_KEY");
    assertThat(cli.run("fx", "quote", "EUR/USD", "-p", "saxo", "--live")).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(cli.err()).contains("SAXO_APP_KEY");
    assertThat(cli.sandboxesStarted.get()).isZero();
  }

  @Test
  void standaloneSandboxIsReachedWithBaseUrlCaFileAndPinAndAWrongTokenIsExitCodeOneWithAHint(@TempDir Path dir)
      throws Exception {
    try (var sandbox = CliHarness.standalone()) {
      Path ca = dir.resolve("ca.pem");
      Files.writeString(ca, sandbox.caCertificatePem(), StandardCharsets.US_ASCII);
      String[] remote = {"--base-url", sandbox.baseUrl(), "--ca-file", ca.toString(), "--pin", sandbox.pin()};
      cli.env.put("OANDA_API_TOKEN", io.tickguard.testkit.oanda.OandaRoutes.DEMO_TOKEN);
      cli.env.put("OANDA_ACCOUNT_ID", io.tickguard.testkit.oanda.OandaRoutes.DEMO_ACCOUNT);
      cli.env.put("INSIGHTEASE_API_KEY", io.tickguard.testkit.SandboxServer.DEMO_API_KEY);
      for (String provider : List.of("oanda", "insightease")) {
        List<String> args = new ArrayList<>(List.of("fx", "quote", "EUR/USD", "-p", provider));
        args.addAll(List.of(remote));
        assertThat(cli.run(args.toArray(String[]::new))).as(provider + ": " + cli.err()).isZero();
        assertThat(cli.out()).contains("EUR/USD ");
      }
      cli.env.put("OANDA_API_TOKEN", "not-the-token");
      List<String> wrong = new ArrayList<>(List.of("fx", "quote", "EUR/USD", "-p", "oanda"));
      wrong.addAll(List.of(remote));
      assertThat(cli.run(wrong.toArray(String[]::new))).isEqualTo(ExitCodes.CALL_FAILED);
      assertThat(cli.err()).contains("AuthenticationException").contains("OANDA_API_TOKEN").doesNotContain("not-the-token");
    }
    assertThat(cli.sandboxesStarted.get()).as("the standalone sandbox is not the embedded one").isZero();
  }

  @Test
  void fxAndLoginAreInTheHelpAndEveryFxCommandHasItsOwn() {
    assertThat(cli.run("--help")).isZero();
    assertThat(cli.out()).contains("fx", "login");
    for (String sub : List.of("quote", "convert", "candles")) {
      assertThat(cli.run("fx", sub, "-h")).isZero();
      assertThat(cli.out()).contains("Usage: tickguard fx " + sub);
    }
    assertThat(cli.run("login", "saxo", "-h")).isZero();
    assertThat(cli.out()).contains("--token-file");
  }
}
