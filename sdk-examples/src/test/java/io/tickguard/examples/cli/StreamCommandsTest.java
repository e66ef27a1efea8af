package io.tickguard.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code book --watch} and {@code trades --follow} against the embedded sandbox, whose Binance,
 * Kraken and Coinbase WebSocket streams publish live: the updates come from the stream (a provider
 * without one is polled). Every assertion holds whatever the timing: how many updates, where they
 * came from, and that each book is a valid ladder and each trade is shown once.
 */
class StreamCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final CliHarness cli = new CliHarness();

  private static JsonNode[] jsonLines(String out) {
    return out.lines().map(JSON::readTree).toArray(JsonNode[]::new);
  }

  private static List<BigDecimal> prices(JsonNode side) {
    List<BigDecimal> out = new ArrayList<>();
    side.forEach(l -> out.add(new BigDecimal(l.get("price").asString())));
    return out;
  }

  @ParameterizedTest
  @CsvSource({"binance, BTC/USDT", "kraken, BTC/USD", "coinbase, BTC/USD"})
  void bookWatchRedrawsTheLadderFromTheProvidersStream(String provider, String symbol) {
    assertThat(cli.run("book", symbol, "-p", provider, "-d", "3", "--watch", "--count", "3", "--json")).as(cli.err()).isZero();

    JsonNode[] books = jsonLines(cli.out());
    assertThat(books).hasSize(3);
    for (JsonNode b : books) {
      assertThat(b.get("source").asString()).isEqualTo("stream");
      assertThat(b.get("symbol").asString()).isEqualTo(symbol);
      List<BigDecimal> bids = prices(b.get("bids"));
      List<BigDecimal> asks = prices(b.get("asks"));
      assertThat(bids).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(asks).hasSize(3).isSorted();
      assertThat(bids.get(0)).isLessThan(asks.get(0));
    }
  }

  @Test
  void withoutAStreamTheBookIsPolled() throws Exception {
    try (io.tickguard.testkit.SandboxServer sandbox = CliHarness.standalone();
        io.tickguard.crypto.binance.BinanceClient client =
            io.tickguard.crypto.binance.BinanceClient.builder().config(sandbox.clientConfig()).build();
        Updates<io.tickguard.crypto.OrderBook> books = Updates.books(
            client, java.util.Optional.empty(), io.tickguard.crypto.Symbol.of("BTC", "USDT"), 2, java.time.Duration.ZERO)) {
      assertThat(books.source()).isEqualTo("poll");
      assertThat(books.next().bids()).hasSize(2);
      assertThat(books.next().asks()).hasSize(2);
    }
  }

  @ParameterizedTest
  @CsvSource({"binance, ETH/USDT", "kraken, BTC/USD", "coinbase, BTC/USD"})
  void tradesFollowPrintsTheLatestTradesThenEachStreamedTradeOnce(String provider, String symbol) {
    assertThat(cli.run("trades", symbol, "-p", provider, "-n", "2", "--follow", "--count", "4", "--json")).as(cli.err()).isZero();

    JsonNode[] trades = jsonLines(cli.out());
    assertThat(trades).hasSize(2 + 3); // the first update is the REST page of 2, then one trade per update
    assertThat(Arrays.stream(trades).limit(2)).allSatisfy(t -> assertThat(t.get("source").asString()).isEqualTo("poll"));
    assertThat(Arrays.stream(trades).skip(2)).allSatisfy(t -> {
      assertThat(t.get("source").asString()).isEqualTo("stream");
      assertThat(t.get("symbol").asString()).isEqualTo(symbol);
      assertThat(new BigDecimal(t.get("size").asString())).isPositive();
    });
    assertThat(Arrays.stream(trades).map(t -> t.get("id").asString()).distinct().count()).isEqualTo(trades.length);
  }

  @Test
  void oneShotBookAndTradesOpenNoStream() {
    assertThat(cli.run("book", "BTC/USDT", "-d", "2", "--json")).as(cli.err()).isZero();
    assertThat(jsonLines(cli.out())[0].has("source")).isFalse();
    assertThat(cli.run("trades", "BTC/USDT", "-n", "2", "--json")).as(cli.err()).isZero();
    assertThat(jsonLines(cli.out())).hasSize(2).allSatisfy(t -> assertThat(t.has("source")).isFalse());
  }
}
