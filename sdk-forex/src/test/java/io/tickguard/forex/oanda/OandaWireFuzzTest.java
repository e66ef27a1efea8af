package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.hostile.ForexWire;
import io.tickguard.forex.oanda.internal.OandaDecoders;
import io.tickguard.forex.oanda.internal.OandaErrorDecoder;
import io.tickguard.forex.oanda.internal.OandaPricingProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing of OANDA's REST decoders, error decoder and NDJSON pricing stream: every
 * input ends in a typed value or a typed {@link TickGuardException}. Committed inputs:
 * {@code src/test/resources/io/tickguard/forex/oanda/OandaWireFuzzTestInputs/<method>/}.
 */
class OandaWireFuzzTest {
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR_USD");
  private static final CurrencyPair EUR_JPY = CurrencyPair.parse("EUR_JPY");

  @FuzzTest
  void instruments(byte[] body) {
    ForexWire.decode(OandaDecoders.instruments(), body);
  }

  @FuzzTest
  void prices(byte[] body) {
    ForexWire.decode(OandaDecoders.prices(List.of(EUR_USD, EUR_JPY), CurrencyPair::conventionalPipLocation), body);
  }

  @FuzzTest
  void candles(byte[] body) {
    ForexWire.decode(OandaDecoders.candles(EUR_USD, Granularity.M5, "M5"), body);
  }

  @FuzzTest
  void accountSummary(byte[] body) {
    ForexWire.decode(OandaDecoders.summary(), body);
  }

  @FuzzTest
  void errors(byte[] data) {
    ForexWire.decodeError(new OandaErrorDecoder(() -> List.of("fuzz-token-000")), data);
  }

  /** One NDJSON line per input line, through the protocol the stream session runs. */
  @FuzzTest
  void pricingStream(byte[] data) {
    OandaPricingProtocol protocol = new OandaPricingProtocol(Set.of(EUR_USD, EUR_JPY),
        CurrencyPair::conventionalPipLocation, ForexValidators.of(ForexWire.CLOCK), ForexWire.CLOCK);
    protocol.onOpen(OpenReason.FIRST);
    List<QuoteEvent> events = new ArrayList<>();
    StreamEmitter<QuoteEvent> out = new StreamEmitter<>() {
      @Override
      public void event(QuoteEvent event) {
        events.add(event);
      }

      @Override
      public void heartbeat() {}

      @Override
      public void gap(String reason) {}

      @Override
      public void resubscribe(String reason) {}

      @Override
      public void reconnect(String reason) {}
    };
    for (String line : new String(data, StandardCharsets.UTF_8).split("\n", 64)) {
      try {
        protocol.onText(line, out);
      } catch (TickGuardException refused) {
        // the session drops the connection and opens a new one
        assertThat(refused.getMessage()).isNotBlank();
        protocol.onOpen(OpenReason.RECONNECT);
      }
    }
    for (QuoteEvent e : events) {
      if (e instanceof QuoteEvent.Price p) {
        assertThat(p.quote().bid()).isLessThanOrEqualTo(p.quote().ask());
      }
    }
  }
}
