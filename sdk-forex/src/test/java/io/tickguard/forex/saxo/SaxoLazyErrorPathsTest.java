package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.hostile.ForexWire;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Saxo's decoders render a path such as {@code Data[3].Quote.Bid} only when a value there is refused
 * (issue 20): its documented answers decode without a render, and each retyped value is refused with
 * a lazily rendered name. A decoder going back to eager path strings fails here.
 */
class SaxoLazyErrorPathsTest {
  private static final String INPUTS = "/io/tickguard/forex/saxo/SaxoWireFuzzTestInputs/";
  private static final CurrencyPair GBPAUD = CurrencyPair.of("GBP", "AUD");
  private static final CurrencyPair GBPCAD = CurrencyPair.of("GBP", "CAD");

  @Test
  void documentedAnswersRenderAPathOnlyForARefusedValue() throws Exception {
    int refusals = ForexWire.assertLazyNaming(
            r -> SaxoDecoders.quotes(r.json(), List.of(GBPAUD, GBPCAD), Map.of(22, GBPAUD, 23, GBPCAD)),
            INPUTS + "infoPrices", Set.of())
        + ForexWire.assertLazyNaming(r -> SaxoDecoders.candles(r.json(), CurrencyPair.of("EUR", "USD"), Granularity.M1,
            Instant.parse("2015-02-01T11:45:00Z"), Instant.parse("2015-02-01T11:46:00Z"),
            Instant.parse("2015-02-01T11:46:30Z")), INPUTS + "charts", Set.of())
        + ForexWire.assertLazyNaming(r -> SaxoDecoders.instruments(r.json()), INPUTS + "instruments", Set.of());

    assertThat(refusals).as("refusals of retyped values checked").isGreaterThanOrEqualTo(10);
  }
}
