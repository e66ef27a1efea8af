package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.providers.ProviderSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every command against the embedded sandbox: human output, --json output and exit codes. */
class TickGuardCliTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final CliHarness cli = new CliHarness();

  private static JsonNode[] jsonLines(String out) {
    return out.lines().map(JSON::readTree).toArray(JsonNode[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"binance", "kraken", "coinbase", "insightease"})
  void tickerPrintsAnAlignedTableAndJsonWithDecimalsAsStrings(String provider) {
    assertThat(cli.run("ticker", "BTC/USD", "-p", provider)).as(cli.err()).isZero();
    assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("symbol").contains("last", "bid", "ask");
    assertThat(cli.out()).contains("BTC/USD ");
    assertThat(cli.run("ticker", "BTC/USD", "-p", provider, "--json")).as(cli.err()).isZero();
    JsonNode t = jsonLines(cli.out())[0];
    assertThat(t.get("type").asString()).isEqualTo("ticker");
    assertThat(t.get("provider").asString()).isEqualTo(provider);
    assertThat(t.get("symbol").asString()).isEqualTo("BTC/USD");
    assertThat(t.get("bid").isString()).isTrue();
    assertThat(new java.math.BigDecimal(t.get("bid").asString())).isLessThanOrEqualTo(new java.math.BigDecimal(t.get("ask").asString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"binance", "kraken", "coinbase", "insightease"})
  void pricePrintsEachPairsLastPriceAndJsonWithTheDecimalAsAString(String provider) {
    assertThat(cli.run("price", "BTC/USD", "ETH/USD", "-p", provider)).as(cli.err()).isZero();
    assertThat(cli.out().lines().findFirst().orElseThrow()).startsWith("symbol").contains("price");
    assertThat(cli.out()).contains("BTC/USD ", "ETH/USD ");
    assertThat(cli.run("price", "BTC/USD", "-p", provider, "--json")).as(cli.err()).isZero();
    JsonNode[] lines = jsonLines(cli.out());
    assertThat(lines).hasSize(1);
    assertThat(lines[0].get("type").asString()).isEqualTo("price");
    assertThat(lines[0].get("provider").asString()).isEqualTo(provider);
    assertThat(lines[0].get("symbol").asString()).isEqualTo("BTC/USD");
    assertThat(lines[0].get("price").isString()).isTrue();
    assertThat(new java.math.BigDecimal(lines[0].get("price").asString())).isPositive();
  }

  @Test
  void theReadmeSymbolsExistInTheSandbox() {
    assertThat(cli.run("ticker", "BTC/USDT", "-p", "binance")).as(cli.err()).isZero();
    assertThat(cli.run("ticker", "BTC/USD", "ETH/USD", "-p", "kraken")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("BTC/USD ", "ETH/USD ");
  }

  @Test
  void bookPrintsALadderAndWatchPrintsOneJsonObjectPerUpdate() {
    assertThat(cli.run("book", "BTC/USDT", "--depth", "3")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("spread", "bid size", "ask size");
    assertThat(cli.out().lines().filter(l -> l.contains("|")).count()).isEqualTo(4); // header + 3 levels
    assertThat(cli.run("book", "BTC/USDT", "-d", "2", "--watch", "--count", "3", "--interval", "0s", "--json")).as(cli.err()).isZero();
    JsonNode[] books = jsonLines(cli.out());
    assertThat(books).hasSize(3);
    assertThat(books[2].get("bids")).hasSize(2);
    assertThat(books[2].get("asks").get(0).get("price").isString()).isTrue();
  }

  @Test
  void watchOnATerminalRedrawsTheLadderInPlace() {
    cli.terminal = true;
    assertThat(cli.run("book", "BTC/USDT", "-d", "2", "--watch", "--count", "2", "--interval", "0s")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("\u001b[4F\u001b[J"); // cursor back over the 4 lines of the first ladder
    cli.env.put("NO_COLOR", "1");
    assertThat(cli.run("book", "BTC/USDT", "-d", "2", "--watch", "--count", "2", "--interval", "0s")).isZero();
    assertThat(cli.out()).doesNotContain("\u001b");
  }

  @Test
  void tradesAndFollowPrintEachTradeOnce() {
    assertThat(cli.run("trades", "ETH/USDT", "-n", "5")).as(cli.err()).isZero();
    assertThat(cli.out().lines().count()).isEqualTo(6);
    assertThat(cli.out()).contains("side", "price", "size");
    assertThat(cli.run("trades", "ETH/USDT", "-n", "5", "--follow", "--count", "2", "--interval", "0s", "--json")).isZero();
    JsonNode[] trades = jsonLines(cli.out());
    assertThat(Arrays.stream(trades).map(t -> t.get("id").asString()).distinct().count()).isEqualTo(trades.length);
    assertThat(trades[0].get("symbol").asString()).isEqualTo("ETH/USDT");
  }

  @Test
  void candlesPrintATableAChartWithAxesAndASparklineWhenNarrow() {
    assertThat(cli.run("candles", "BTC/USDT", "1h", "-n", "12")).as(cli.err()).isZero();
    assertThat(cli.out().lines().count()).isEqualTo(13);
    cli.env.put("COLUMNS", "120");
    assertThat(cli.run("candles", "BTC/USDT", "1h", "-n", "12", "--chart")).as(cli.err()).isZero();
    assertThat(cli.out()).contains(" ┤ ", "└", "UTC");
    assertThat(cli.out().lines().count()).isEqualTo(1 + CandleChart.HEIGHT + 2);
    cli.env.put("COLUMNS", "30");
    assertThat(cli.run("candles", "BTC/USDT", "1h", "-n", "24", "--chart")).as(cli.err()).isZero();
    assertThat(cli.out()).containsPattern("[▁▂▃▄▅▆▇█]{24}  low ");
    java.time.Instant from = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(java.time.Duration.ofHours(2));
    assertThat(cli.run("candles", "BTC/USDT", "5m", "--from", from.toString(), "--to", from.plusSeconds(20 * 60).toString(), "--json"))
        .as(cli.err()).isZero();
    assertThat(jsonLines(cli.out())).hasSize(5).allSatisfy(c -> assertThat(c.get("interval").asString()).isEqualTo("5m"));
  }

  @Test
  void instrumentsIsARealTable() {
    assertThat(cli.run("instruments", "BTC")).as(cli.err()).isZero();
    assertThat(cli.out().lines().findFirst().orElseThrow()).contains("symbol", "provider symbol", "status", "tick size");
    assertThat(cli.out()).contains("BTC/USDT", "BTCUSDT").doesNotContain("Instrument[", "Optional");
    assertThat(cli.err()).containsPattern("\\d+ of \\d+ instruments");
    assertThat(cli.run("instruments", "--json")).isZero();
    assertThat(jsonLines(cli.out())).allSatisfy(i -> assertThat(i.get("providerSymbol").isString()).isTrue());
  }

  @Test
  void balancesAndTimeUseTheSandboxDemoKeys() {
    assertThat(cli.run("balances")).as(cli.err()).isZero();
    assertThat(cli.out()).contains("asset", "free", "locked", "total");
    assertThat(cli.run("balances", "-p", "kraken", "--json")).as(cli.err()).isZero();
    assertThat(jsonLines(cli.out())).allSatisfy(b -> assertThat(b.get("free").isString()).isTrue());
    assertThat(cli.run("time", "--json")).isZero();
    assertThat(jsonLines(cli.out())[0].get("serverTime").asString()).endsWith("Z");
  }

  @Test
  void verboseShowsTheAuditTrailWithoutSecrets() {
    assertThat(cli.run("balances", "--verbose")).as(cli.err()).isZero();
    assertThat(cli.err()).contains("audit: GET 127.0.0.1 /api/v3/account", "status 200", "attempt 1")
        .doesNotContain(ProviderSandbox.BINANCE_API_SECRET, "signature=");
  }

  @Test
  void usageErrorsAreOneLinePlusShortUsageAndStartNoSandbox() {
    assertThat(cli.run("ticker", "BTCUSDT")).isEqualTo(2);
    assertThat(cli.err()).startsWith("tickguard ticker: ").contains("'BTCUSDT' is not BASE/QUOTE", "Usage: tickguard ticker",
        "Try 'tickguard ticker --help'");
    assertThat(cli.err().lines().count()).isLessThan(8);
    assertThat(cli.run("candles", "BTC/USDT", "7m", "--from", "2026-01-01", "--to", "2026-01-02")).isEqualTo(2);
    assertThat(cli.err()).contains("INTERVAL '7m' is not one of 1m 3m 5m");
    assertThat(cli.run("book", "BTC/USDT", "--depth", "6000")).isEqualTo(2);
    assertThat(cli.err()).contains("--depth must be 1..5000");
    assertThat(cli.run("ticker", "BTC/USDT", "-p", "bitstamp")).isEqualTo(2);
    assertThat(cli.err()).contains("unknown provider 'bitstamp'");
    assertThat(cli.run("ticker", "BTC/USDT", "--pin", "sha256/AAAA")).isEqualTo(2);
    assertThat(cli.err()).contains("--pin needs --live or --base-url");
    assertThat(cli.run("ticker", "BTC/USDT", "--base-url", "http://example.com")).isEqualTo(2);
    assertThat(cli.err()).contains("https://");
    assertThat(cli.run("ticker", "BTC/USDT", "--timeout", "soon")).isEqualTo(2);
    assertThat(cli.run("tickr", "BTC/USDT")).isEqualTo(2);
    assertThat(cli.err()).contains("ticker");
    assertThat(cli.sandboxesStarted).as("no sandbox starts for a usage error").hasValue(0);
  }

  @Test
  void helpAndVersionWorkOnEveryCommand() {
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).startsWith("tickguard ");
    for (String command : new String[] {"demo", "ticker", "book", "trades", "candles", "instruments", "balances", "time",
        "doctor", "sandbox"}) {
      assertThat(cli.run(command, "-h")).as(command).isZero();
      assertThat(cli.out()).as(command).contains("Usage: tickguard " + command);
    }
    assertThat(cli.run("-h")).isZero();
    assertThat(cli.out()).contains("Exit codes:", "3  configuration");
    assertThat(cli.sandboxesStarted).hasValue(0);
  }

  @Test
  void completionScriptIsGeneratedByPicocli() {
    assertThat(cli.run("generate-completion")).isZero();
    assertThat(cli.out()).contains("complete -F", "tickguard", "candles", "--provider");
  }

  @Test
  void missingLiveKeysAreAConfigurationErrorNamingTheVariable() {
    assertThat(cli.run("balances", "--live")).isEqualTo(3);
    assertThat(cli.err()).startsWith("tickguard: balances needs binance credentials: export BINANCE_API_KEY=... and BINANCE_API_SECRET=...")
        .doesNotContain("withScopes", "Exception", "\tat ");
    cli.env.put("KRAKEN_API_KEY", "k");
    assertThat(cli.run("ticker", "BTC/USD", "-p", "kraken", "--live")).isEqualTo(3);
    assertThat(cli.err()).contains("KRAKEN_API_KEY is set but the secret is missing: export KRAKEN_PRIVATE_KEY=");
    assertThat(cli.run("ticker", "BTC/USD", "-p", "insightease", "--live")).isEqualTo(3);
    assertThat(cli.err()).contains("INSIGHTEASE_API_KEY");
    assertThat(cli.sandboxesStarted).hasValue(0);
  }

  @Test
  void aWorldReadableKeyFileIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("secret");
    Files.writeString(key, "s3cret");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    cli.env.put("BINANCE_API_KEY", "k");
    assertThat(cli.run("balances", "--live", "--key-file", key.toString())).isEqualTo(3);
    assertThat(cli.err()).contains("--key-file", "chmod 600").doesNotContain("s3cret");
  }

  @Test
  void providerRefusalIsExitCodeOneWithTheTypedMessageAndAHint() {
    assertThat(cli.run("ticker", "DOGE/USDT")).isEqualTo(1);
    assertThat(cli.err().lines().filter(l -> l.startsWith("tickguard: ")).toList()).singleElement().asString()
        .contains("InvalidRequestException", "-1121", "list the symbols with: tickguard instruments -p binance");
  }

  @Test
  void demoRunsTheTourFromTheCommandLine() {
    assertThat(cli.run("demo")).as(cli.out()).isZero();
    assertThat(cli.out()).contains("7 of 7 protections held.", "Try next:");
  }
}
