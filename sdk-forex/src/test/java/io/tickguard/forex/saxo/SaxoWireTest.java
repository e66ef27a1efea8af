package io.tickguard.forex.saxo;

import io.tickguard.market.internal.JsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.json.StrictJson;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Saxo's published response and error samples, verbatim, through the client's decoders. */
class SaxoWireTest {
  private static final CurrencyPair GBPAUD = CurrencyPair.of("GBP", "AUD");
  private static final CurrencyPair GBPCAD = CurrencyPair.of("GBP", "CAD");
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");

  private static JsonNode json(String fixture) {
    return StrictJson.mapper().readTree(Fixtures.bytes(fixture));
  }

  @Test
  void infoPricesSampleKeepsSaxosDigitsAndMarksIndicativePrices() {
    ObjectNode item = (ObjectNode) json("infoprices-list.json").get("Data").get(0);
    assertThat(SaxoJson.decimal(item.get("Quote"), "Bid", "Bid")).isEqualByComparingTo("1.74858").hasToString("1.74858");

    // The sample's LastUpdated is Saxo's placeholder 0001-01-01: the only field changed for this check.
    item.put("LastUpdated", "2017-05-18T10:00:00Z");
    Quote q = SaxoDecoders.quote(item, GBPAUD, JsonPath.element("Data", 0));

    assertThat(q.bid()).hasToString("1.74858");
    assertThat(q.ask()).hasToString("1.74948");
    assertThat(q.status()).isEqualTo(QuoteStatus.INDICATIVE);
    assertThat(q.pipLocation()).as("Decimals 4 with AllowDecimalPips").isEqualTo(-4);
    assertThat(q.spreadPips()).isEqualByComparingTo("9.0");
  }

  @Test
  void infoPricesSamplePlaceholderTimeIsRefusedNamingTheField() {
    assertThatThrownBy(() -> SaxoDecoders.quotes(json("infoprices-list.json"), List.of(GBPAUD, GBPCAD), Map.of(22, GBPAUD, 23, GBPCAD)))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("Data[0].LastUpdated"));
  }

  @Test
  void infoPricesAnswerWithAPairNotAskedIsRefused() {
    assertThatThrownBy(() -> SaxoDecoders.quotes(json("infoprices-list.json"), List.of(GBPAUD), Map.of(22, GBPAUD, 23, GBPCAD)))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void subscriptionSnapshotSampleHasContextReferenceAndTheSameInfoPrices() {
    JsonNode sub = json("infoprices-subscription-201.json");
    assertThat(sub.get("ContextId").stringValue()).isEqualTo("20221030063404713");
    assertThat(sub.get("ReferenceId").stringValue()).isEqualTo("IP89383");
    ObjectNode item = (ObjectNode) sub.get("Snapshot").get("Data").get(1).deepCopy();
    item.put("LastUpdated", "2017-05-18T10:00:00Z");
    assertThat(SaxoDecoders.quote(item, GBPCAD, JsonPath.ROOT.member("Snapshot").child("Data", 1)).ask()).hasToString("1.76278");
  }

  @Test
  void deltaMergedOntoTheSnapshotKeepsUnchangedFields() {
    ObjectNode snapshot = (ObjectNode) json("infoprices-subscription-201.json").get("Snapshot").get("Data").get(0).deepCopy();
    JsonNode delta = StrictJson.mapper().readTree("{\"LastUpdated\":\"2017-05-18T10:00:01Z\",\"Quote\":{\"Bid\":1.74860},\"Uic\":22}");

    SaxoJson.merge(snapshot, delta);
    Quote q = SaxoDecoders.quote(snapshot, GBPAUD, JsonPath.element("payload", 0));

    assertThat(q.bid()).hasToString("1.74860");
    assertThat(q.ask()).as("not in the delta: kept from the snapshot").hasToString("1.74948");
    assertThat(q.time()).isEqualTo(Instant.parse("2017-05-18T10:00:01Z"));
  }

  @Test
  void chartSampleBecomesBidAndAskCandlesWithSaxosDigits() {
    Instant now = Instant.parse("2015-02-01T11:46:30Z");
    List<FxCandle> candles = SaxoDecoders.candles(json("charts.json"), EURUSD, Granularity.M1,
        Instant.parse("2015-02-01T11:45:00Z"), Instant.parse("2015-02-01T11:46:00Z"), now);

    assertThat(candles).hasSize(2);
    FxCandle first = candles.get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2015-02-01T11:45:00Z"));
    assertThat(first.bid().orElseThrow().open()).hasToString("1.3476");
    assertThat(first.ask().orElseThrow().high()).hasToString("1.4003");
    assertThat(first.mid()).isEmpty();
    assertThat(first.complete()).isTrue();
    assertThat(candles.get(1).complete()).as("11:46 candle still forming at 11:46:30").isFalse();
  }

  @Test
  void instrumentDetailsSampleGivesPipLocationPrecisionAndIncrement() {
    List<FxInstrument> list = SaxoDecoders.instruments(json("instruments-details.json"));

    assertThat(list).extracting(FxInstrument::pair).containsExactly(GBPAUD, GBPCAD);
    FxInstrument gbpaud = list.get(0);
    assertThat(gbpaud.providerSymbol()).isEqualTo("22");
    assertThat(gbpaud.pipLocation()).isEqualTo(-4);
    assertThat(gbpaud.displayPrecision()).hasValue(5);
    assertThat(gbpaud.minimumSize()).contains(new BigDecimal("5000"));
  }

  @Test
  void instrumentSearchSampleListsIdentifiersOfOtherAssetTypesWhichDetailsWouldRefuse() {
    JsonNode search = json("instruments.json");
    assertThat(search.get("Data")).hasSize(3);
    assertThat(search.get("Data").get(0).get("Identifier").intValue()).isEqualTo(6456061);
    ObjectNode notFx = StrictJson.mapper().createObjectNode();
    notFx.putArray("Data").add(StrictJson.mapper().createObjectNode().put("AssetType", "CfdOnFutures").put("Symbol", "OILUSJUN17").put("Uic", 1));
    assertThatThrownBy(() -> SaxoDecoders.instruments(notFx)).isInstanceOf(InvalidResponseException.class);
  }

  // ---- errors ----------------------------------------------------------------------------------

  /** The fixture served with {@code status} by a loopback server, through a client using Saxo's error decoder. */
  private static TickGuardException error(int status, String fixture) {
    Endpoint probe = Endpoint.builder("saxo.probe", HttpMethod.GET, "/trade/v1/infoprices/list").build();
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      MockResponse.Builder answer = new MockResponse.Builder().code(status);
      if (fixture != null) {
        answer.addHeader("Content-Type", "application/json").body(Fixtures.text(fixture));
      }
      server.enqueue(answer.build());
      ClientConfig config = ClientConfig.builder(server.url("/").toString().replace("localhost", "127.0.0.1"))
          .allowPlaintextLoopback(true).resilience(io.tickguard.core.resilience.ResiliencePolicy.none()).build();
      try (ApiClient api = ApiClient.builder(config).errorDecoder(SaxoErrors.INSTANCE).build()) {
        api.execute(probe.request().build(), r -> r.json());
        throw new AssertionError("HTTP " + status + " was not refused");
      } catch (TickGuardException e) {
        return e;
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void modelStateErrorNamesTheRefusedFieldAndCarriesTheErrorCode() {
    TickGuardException e = error(400, "error-invalid-model-state.json");
    assertThat(e).isInstanceOfSatisfying(InvalidRequestException.class, r -> assertThat(r.field()).isEqualTo("Orders"));
    assertThat(e.providerCode()).contains("InvalidModelState");
    assertThat(e.getMessage()).contains("Stop leg of OCO order must have OrderType");
  }

  @Test
  void referenceDocErrorSamplesMapByStatusWithSaxosCodes() {
    assertThat(error(400, "infoprices-list-400.json")).isInstanceOfSatisfying(InvalidRequestException.class,
        r -> assertThat(r.field()).isEqualTo("key_0")).satisfies(e -> assertThat(e.providerCode()).contains("InvalidRequest"));
    assertThat(error(404, "infoprices-list-404.json")).isInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(e.providerCode()).contains("InvalidPriceRequest"));
    assertThat(error(400, "instruments-400.json").providerCode()).contains("NoSearchCriteriaProvided");
    assertThat(error(400, "charts-400.json")).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void emptyBodied401And429MapByStatus() {
    assertThat(error(401, null)).isInstanceOf(io.tickguard.core.AuthenticationException.class);
    assertThat(error(429, null)).isInstanceOf(RateLimitedException.class);
    assertThat(error(429, null).providerCode()).isEmpty();
  }
}
