package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.hostile.ForexWire;
import io.tickguard.forex.oanda.internal.OandaDecoders;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * OANDA's decoders render a path such as {@code candles[3].mid.o} only when a value there is refused
 * (issue 20): its documented answers decode without a render, and each retyped value is refused with
 * a lazily rendered name. A decoder going back to eager path strings fails here.
 */
class OandaLazyErrorPathsTest {
  private static final String INPUTS = "/io/tickguard/forex/oanda/OandaWireFuzzTestInputs/";
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR_USD");

  @Test
  void documentedAnswersRenderAPathOnlyForARefusedValue() throws Exception {
    int refusals = ForexWire.assertLazyNaming(OandaDecoders.instruments(), INPUTS + "instruments", Set.of())
        + ForexWire.assertLazyNaming(OandaDecoders.prices(List.of(EUR_USD, CurrencyPair.parse("EUR_JPY")),
            CurrencyPair::conventionalPipLocation), INPUTS + "prices", Set.of())
        + ForexWire.assertLazyNaming(OandaDecoders.candles(CurrencyPair.parse("EUR_USD"), Granularity.M5, "M5"),
            INPUTS + "candles", Set.of());

    assertThat(refusals).as("refusals of retyped values checked").isGreaterThanOrEqualTo(10);
  }
}
