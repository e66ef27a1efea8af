package io.tickguard.forex.insightease;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.hostile.ForexWire;
import io.tickguard.forex.insightease.internal.InsighteaseForexDecoders;
import io.tickguard.market.insightease.internal.InsighteaseEnvelope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Insightease's forex decoders render a path such as {@code response[3].c} only when a value there is
 * refused (issue 20): its documented answers decode without a render, and each retyped value is
 * refused with a lazily rendered name. A decoder going back to eager path strings fails here.
 */
class InsighteaseForexLazyErrorPathsTest {
  private static final String INPUTS = "/io/tickguard/forex/insightease/InsighteaseForexWireFuzzTestInputs/";
  private static final InsighteaseEnvelope ENVELOPE = new InsighteaseEnvelope(List.of("fuzz-api-key-000"));
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");

  @Test
  void documentedAnswersRenderAPathOnlyForARefusedValue() throws Exception {
    // The envelope's info.server_time is one constant-named value.
    Set<String> constants = Set.of("info.server_time");
    int refusals = ForexWire.assertLazyNaming(InsighteaseForexDecoders.list(ENVELOPE), INPUTS + "list", constants)
        + ForexWire.assertLazyNaming(InsighteaseForexDecoders.latest(ENVELOPE, List.of(CurrencyPair.parse("GBP/USD"), EUR_USD)),
            INPUTS + "latest", constants)
        + ForexWire.assertLazyNaming(InsighteaseForexDecoders.history(ENVELOPE, EUR_USD, Granularity.H1, ForexWire.CLOCK.instant()),
            INPUTS + "history", constants)
        + ForexWire.assertLazyNaming(InsighteaseForexDecoders.converter(ENVELOPE, Currency.of("EUR"), Currency.of("USD")),
            INPUTS + "converter", constants);

    assertThat(refusals).as("refusals of retyped values checked").isGreaterThanOrEqualTo(5);
  }
}
