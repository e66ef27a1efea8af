package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every ForexMarketData call against the Saxo sandbox over pinned TLS, after a PKCE login played by the test. */
class SaxoClientSandboxTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final CurrencyPair USDJPY = CurrencyPair.of("USD", "JPY");

  private final SaxoSandbox sandbox = new SaxoSandbox();
  private final SaxoClient saxo = sandbox.client(new InMemoryTokenStore());

  @AfterEach
  void close() {
    saxo.close();
    sandbox.close();
  }

  @Test
  void pkceLoginThenEveryForexMarketDataCallOverPinnedTls() throws Exception {
    assertThat(saxo.hasSession()).isFalse();
    saxo.login(sandbox.browser());
    assertThat(saxo.hasSession()).isTrue();

    Quote eurusd = saxo.quote(EURUSD);
    assertThat(eurusd.bid().scale()).as("Saxo's JSON number digits kept").isEqualTo(5);
    assertThat(eurusd.status()).isEqualTo(QuoteStatus.TRADEABLE);
    assertThat(eurusd.pipLocation()).isEqualTo(-4);
    assertThat(eurusd.stale()).isFalse();

    List<Quote> both = saxo.quotes(USDJPY, EURUSD);
    assertThat(both).extracting(Quote::pair).containsExactly(USDJPY, EURUSD);
    assertThat(both.get(0).pipLocation()).as("JPY pairs pip at 0.01").isEqualTo(-2);
    assertThat(both.get(0).bid().scale()).isEqualTo(3);

    Instant to = sandbox.clock.instant();
    Instant from = to.minus(Duration.ofMinutes(9));
    List<FxCandle> candles = saxo.candles(EURUSD, Granularity.M1, from, to);
    assertThat(candles).isNotEmpty().allSatisfy(c -> {
      assertThat(c.time()).isBetween(from, to);
      assertThat(c.bid()).isPresent();
      assertThat(c.ask()).isPresent();
    });
    assertThat(candles).extracting(FxCandle::time).isSorted();

    List<FxInstrument> instruments = saxo.instruments();
    assertThat(instruments).extracting(FxInstrument::pair).contains(EURUSD, USDJPY, CurrencyPair.of("GBP", "USD"));
    assertThat(instruments).filteredOn(i -> i.pair().equals(EURUSD)).singleElement()
        .satisfies(i -> assertThat(i.providerSymbol()).isEqualTo("21"));

    Conversion euroToYen = saxo.convert(new BigDecimal("1000"), Currency.of("EUR"), Currency.of("JPY"));
    assertThat(euroToYen.path().kind()).isEqualTo(ConversionPath.Kind.CROSS);
    assertThat(euroToYen.amount().scale()).as("JPY has no minor unit").isZero();
    Conversion dollars = saxo.convert(new BigDecimal("100"), Currency.of("USD"), Currency.of("EUR"), Rounding.of(4, RoundingMode.DOWN));
    assertThat(dollars.path().kind()).isEqualTo(ConversionPath.Kind.INVERSE);

    assertThat(saxo.quoteAsync(EURUSD).get().pair()).isEqualTo(EURUSD);
    assertThat(saxo.search("USD")).extracting(FxInstrument::pair).contains(EURUSD, USDJPY);
  }

  @Test
  void forgedStateInTheRedirectIsRefusedAndNoSessionStarts() {
    assertThatThrownBy(() -> saxo.login(sandbox.browser(url -> url.newBuilder().setQueryParameter("state", "forged").build())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("state does not match");
    assertThat(saxo.hasSession()).isFalse();
    assertThatThrownBy(() -> saxo.quote(EURUSD)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void unlistedPairAndUnsupportedGranularityAreRefusedBeforeSending() {
    saxo.login(sandbox.browser());
    assertThatThrownBy(() -> saxo.quote(CurrencyPair.of("JPY", "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("it quotes USD/JPY"));
    Instant now = sandbox.clock.instant();
    assertThatThrownBy(() -> saxo.candles(EURUSD, Granularity.S5, now.minusSeconds(60), now))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("granularity"));
  }
}
