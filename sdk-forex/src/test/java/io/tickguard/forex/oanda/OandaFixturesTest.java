package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexFixtures;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.StreamGap;
import io.tickguard.forex.oanda.internal.OandaPricingProtocol;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OANDA client over the published samples (fixtures/oanda), served from a loopback server. */
class OandaFixturesTest {
  private static final String ACCOUNT = "101-004-1435156-001";
  private static final String TOKEN = "oanda-fixture-token-5f1c";
  private final MutableClock clock = new MutableClock(Instant.parse("2016-10-27T08:38:46Z"));
  private final MockWebServer server = new MockWebServer();
  private OandaClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = OandaClient.builder()
        .config(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(clock).build())
        .credentials(OandaKeys.token(TOKEN)).accountId(ACCOUNT).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void serve(int status, String fixture) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .addHeader("RequestID", "42359180358046734").body(ForexFixtures.read(fixture)).build());
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  @Test
  void instrumentsKeepCurrencyPairsWithOandasPipLocationAndDropCfds() throws InterruptedException {
    serve(200, "oanda/account-instruments.json");
    List<FxInstrument> instruments = client.instruments();
    assertThat(instruments).extracting(FxInstrument::providerSymbol).containsExactly("EUR_USD", "EUR_CHF");
    FxInstrument eurUsd = instruments.get(0);
    assertThat(eurUsd.pipLocation()).isEqualTo(-4);
    assertThat(eurUsd.displayPrecision()).hasValue(5);
    assertThat(eurUsd.minimumSize()).get().extracting(java.math.BigDecimal::toPlainString).isEqualTo("1");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v3/accounts/" + ACCOUNT + "/instruments");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void pricingSampleBecomesQuotesInTheAskedOrderWithTheWireDigitsAndStaleFlag() throws InterruptedException {
    serve(200, "oanda/account-instruments.json");
    serve(200, "oanda/pricing.json");
    CurrencyPair eurJpy = CurrencyPair.parse("EUR_JPY");
    CurrencyPair eurUsd = CurrencyPair.parse("EUR_USD");
    List<Quote> quotes = client.quotes(eurJpy, eurUsd);
    assertThat(quotes).extracting(Quote::pair).containsExactly(eurJpy, eurUsd);
    Quote jpy = quotes.get(0);
    assertThat(jpy.bid().toPlainString()).isEqualTo("115.329");
    assertThat(jpy.ask().toPlainString()).isEqualTo("115.346");
    assertThat(jpy.pipLocation()).as("EUR_JPY is not in the instrument sample: convention").isEqualTo(-2);
    assertThat(jpy.spreadPips()).isEqualByComparingTo("1.7");
    assertThat(jpy.status()).isEqualTo(QuoteStatus.TRADEABLE);
    assertThat(jpy.time()).isEqualTo(Instant.parse("2016-10-05T05:28:15.621238671Z"));
    assertThat(jpy.stale()).as("weeks older than the 30 s maximum age").isTrue();
    Quote usd = quotes.get(1);
    assertThat(usd.bid().toPlainString()).isEqualTo("1.12157");
    assertThat(usd.ask().toPlainString()).isEqualTo("1.12170");
    assertThat(usd.spreadPips()).isEqualByComparingTo("1.3");
    take();
    assertThat(take().getUrl().queryParameter("instruments")).isEqualTo("EUR_JPY,EUR_USD");
  }

  @Test
  void candleSampleOfAnotherInstrumentIsRefusedNamingInstrument() {
    serve(200, "oanda/candles-de30-eur-m5.json");
    assertThatThrownBy(() -> client.candles(CurrencyPair.parse("EUR/USD"), Granularity.M5,
        Instant.parse("2016-10-17T19:35:00Z"), Instant.parse("2016-10-17T19:55:00Z")))
        .isInstanceOf(InvalidResponseException.class)
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("instrument");
  }

  @Test
  void accountSummarySampleKeepsTheWireDigits() {
    serve(200, "oanda/account-summary.json");
    OandaAccountSummary s = client.accountSummary();
    assertThat(s.id()).isEqualTo(ACCOUNT);
    assertThat(s.currency()).isEqualTo(Currency.of("EUR"));
    assertThat(s.nav().toPlainString()).isEqualTo("35454.4740");
    assertThat(s.marginUsed().toPlainString()).isEqualTo("10581.5000");
    assertThat(s.openTradeCount()).isEqualTo(2);
    assertThat(s.lastTransactionId()).isEqualTo("2123");
  }

  @Test
  void invalidValueErrorNamesTheParameterAndKeepsTheRequestId() {
    serve(400, "oanda/error-400-invalid-value.json");
    assertThatThrownBy(() -> client.accountSummary())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("order.instrument");
          assertThat(e.requestId()).contains("42359180358046734");
          assertThat(e.providerCode()).isEmpty();
          assertThat(e.getMessage()).contains("Invalid value specified");
        });
  }

  @Test
  void unauthorizedIsAnAuthenticationErrorWithoutTheToken() {
    serve(401, "oanda/error-401.handmade.json");
    assertThatThrownBy(() -> client.accountSummary())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).contains(401);
          assertThat(e.requestId()).contains("42359180358046734");
          assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
  }

  /** The stream sample, line by line, through the protocol the session runs. */
  @Test
  void streamSampleYieldsPricesAndHeartbeatsAndAGapAfterAReconnect() {
    ForexValidators validators = ForexValidators.of(clock, Duration.ofSeconds(30), Duration.ofSeconds(30));
    OandaPricingProtocol protocol = new OandaPricingProtocol(
        Set.of(CurrencyPair.parse("EUR_USD"), CurrencyPair.parse("EUR_JPY")), CurrencyPair::conventionalPipLocation,
        validators, clock);
    Recorder out = new Recorder();
    protocol.onOpen(io.tickguard.core.stream.OpenReason.FIRST);
    String[] lines = ForexFixtures.read("oanda/pricing-stream.ndjson").split("\n");
    for (String line : lines) {
      protocol.onText(line, out);
    }
    assertThat(out.heartbeats).isEqualTo(1);
    assertThat(out.events).hasSize(3);
    Quote first = ((QuoteEvent.Price) out.events.get(0)).quote();
    assertThat(first.pair()).isEqualTo(CurrencyPair.parse("EUR/JPY"));
    assertThat(first.bid().toPlainString()).isEqualTo("114.295");
    assertThat(first.ask().toPlainString()).isEqualTo("114.312");
    assertThat(first.stale()).isFalse();

    // The connection dies; the next one starts with OANDA's snapshot: the same EUR/JPY price again.
    clock.advance(Duration.ofSeconds(20));
    protocol.onOpen(io.tickguard.core.stream.OpenReason.RECONNECT);
    protocol.onText(lines[3], out);
    assertThat(out.events).hasSize(4);
    StreamGap gap = ((QuoteEvent.Gap) out.events.get(3)).gap();
    assertThat(gap.connection()).isEqualTo(2);
    assertThat(gap.length()).isEqualTo(Duration.ofSeconds(20));
    assertThat(protocol.duplicates()).as("the snapshot repeats a delivered price").isEqualTo(1);
  }

  @Test
  void aStreamLineThatIsNotJsonOrOfAnUnsubscribedPairDropsTheConnection() {
    OandaPricingProtocol protocol = new OandaPricingProtocol(Set.of(CurrencyPair.parse("EUR_USD")),
        CurrencyPair::conventionalPipLocation, ForexValidators.of(clock), clock);
    protocol.onOpen(io.tickguard.core.stream.OpenReason.FIRST);
    Recorder out = new Recorder();
    assertThatThrownBy(() -> protocol.onText("{\"type\":\"PRICE\",\"instrument\":\"EUR_U", out))
        .isInstanceOf(InvalidResponseException.class);
    String eurJpy = ForexFixtures.read("oanda/pricing-stream.ndjson").split("\n")[0];
    assertThatThrownBy(() -> protocol.onText(eurJpy, out)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("not subscribed");
    assertThat(out.events).isEmpty();
  }

  private static final class Recorder implements StreamEmitter<QuoteEvent> {
    final List<QuoteEvent> events = new ArrayList<>();
    int heartbeats;

    @Override
    public void event(QuoteEvent event) {
      events.add(event);
    }

    @Override
    public void heartbeat() {
      heartbeats++;
    }

    @Override
    public void gap(String reason) {
      throw new AssertionError("unexpected gap signal " + reason);
    }

    @Override
    public void resubscribe(String reason) {
      throw new AssertionError("unexpected resubscribe " + reason);
    }

    @Override
    public void reconnect(String reason) {
      throw new AssertionError("unexpected reconnect " + reason);
    }
  }
}
