package io.tickguard.forex.saxo;

import io.tickguard.market.internal.JsonPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.hostile.ForexWire;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coverage-guided fuzzing of Saxo's binary-framed streaming messages (frame reader, JSON payload,
 * control messages, delta merge onto the snapshot) and its REST decoders and error decoder: every
 * input ends in a typed value or a typed {@link TickGuardException}. Committed inputs:
 * {@code src/test/resources/io/tickguard/forex/saxo/SaxoWireFuzzTestInputs/<method>/}.
 */
class SaxoWireFuzzTest {
  private static final CurrencyPair GBPAUD = CurrencyPair.of("GBP", "AUD");
  private static final CurrencyPair GBPCAD = CurrencyPair.of("GBP", "CAD");
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final int GBPAUD_UIC = 22;
  private static final int MAX_PAYLOAD = 64 * 1024;
  private static final String REFERENCE = "IP89383";
  private static final ObjectNode SNAPSHOT = (ObjectNode) ForexWire.response(200,
      Fixtures.bytes("infoprices-subscription-201.json")).json().get("Snapshot").get("Data").get(0);

  /** One WebSocket message as the stream's reader sees it, then what the stream does with each frame. */
  @FuzzTest
  void streamMessage(byte[] data) {
    List<SaxoFrame> frames;
    try {
      frames = SaxoFrameReader.readMessage(ByteBuffer.wrap(data), MAX_PAYLOAD);
    } catch (TickGuardException refused) {
      return;
    }
    assertThat(frames).isNotEmpty();
    for (SaxoFrame frame : frames) {
      assertThat(frame.payload().length).isLessThanOrEqualTo(MAX_PAYLOAD);
      try {
        handle(frame);
      } catch (TickGuardException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
  }

  /** What SaxoPricingProtocol does with a frame of its subscription (the delivery path, without the socket). */
  private static void handle(SaxoFrame frame) {
    if (frame.referenceId().equals(SaxoControl.RESET)) {
      SaxoControl.resets(SaxoPricingProtocol.json(frame), REFERENCE);
      return;
    }
    if (frame.isControl()) {
      return;
    }
    JsonNode payload = SaxoPricingProtocol.json(frame);
    if (!payload.isArray()) {
      throw new InvalidResponseException("payload", "not an array");
    }
    ObjectNode snapshot = SNAPSHOT.deepCopy();
    for (int i = 0; i < payload.size(); i++) {
      JsonNode update = payload.get(i);
      int uic = SaxoJson.integer(update, "Uic", "payload[" + i + "].Uic");
      if (uic != GBPAUD_UIC) {
        throw new InvalidResponseException("payload[" + i + "].Uic", "not streamed");
      }
      SaxoJson.merge(snapshot, update);
      Quote quote = SaxoDecoders.quote(snapshot, GBPAUD, JsonPath.element("payload", i));
      assertThat(quote.bid()).isLessThanOrEqualTo(quote.ask());
    }
  }

  @FuzzTest
  void infoPrices(byte[] body) {
    ForexWire.decode(r -> SaxoDecoders.quotes(r.json(), List.of(GBPAUD, GBPCAD), Map.of(22, GBPAUD, 23, GBPCAD)), body);
  }

  @FuzzTest
  void charts(byte[] body) {
    ForexWire.decode(r -> SaxoDecoders.candles(r.json(), EURUSD, Granularity.M1, Instant.parse("2015-02-01T11:45:00Z"),
        Instant.parse("2015-02-01T11:46:00Z"), Instant.parse("2015-02-01T11:46:30Z")), body);
  }

  @FuzzTest
  void instruments(byte[] body) {
    ForexWire.decode(r -> SaxoDecoders.instruments(r.json()), body);
  }

  @FuzzTest
  void errors(byte[] data) {
    ForexWire.decodeError(SaxoErrors.INSTANCE, data);
  }
}
