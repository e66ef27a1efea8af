package io.tickguard.forex.insightease;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.hostile.ForexWire;
import io.tickguard.forex.insightease.internal.InsighteaseForexDecoders;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import java.util.List;

/**
 * Coverage-guided fuzzing of Insightease's forex decoders and its error envelope: every input ends in
 * a typed value or a typed {@link io.tickguard.core.TickGuardException}. Committed inputs:
 * {@code src/test/resources/io/tickguard/forex/insightease/InsighteaseForexWireFuzzTestInputs/<method>/}.
 */
class InsighteaseForexWireFuzzTest {
  private static final InsighteaseEnvelope ENVELOPE = new InsighteaseEnvelope(List.of("fuzz-api-key-000"));
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  private static final CurrencyPair GBP_USD = CurrencyPair.parse("GBP/USD");

  @FuzzTest
  void list(byte[] body) {
    ForexWire.decode(InsighteaseForexDecoders.list(ENVELOPE), body);
  }

  @FuzzTest
  void latest(byte[] body) {
    ForexWire.decode(InsighteaseForexDecoders.latest(ENVELOPE, List.of(GBP_USD, EUR_USD)), body);
  }

  @FuzzTest
  void history(byte[] body) {
    ForexWire.decode(InsighteaseForexDecoders.history(ENVELOPE, EUR_USD, Granularity.H1, ForexWire.CLOCK.instant()), body);
  }

  @FuzzTest
  void converter(byte[] body) {
    ForexWire.decode(InsighteaseForexDecoders.converter(ENVELOPE, Currency.of("EUR"), Currency.of("USD")), body);
  }

  @FuzzTest
  void errors(byte[] data) {
    ForexWire.decodeError(ENVELOPE, data);
  }
}
