package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteStreamingModelTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void listenerRoutesQuotesAndGapsInOrder() {
    List<Object> seen = new ArrayList<>();
    QuoteListener listener = new QuoteListener() {
      @Override
      public void onQuote(Quote quote) {
        seen.add(quote);
      }

      @Override
      public void onGap(StreamGap gap) {
        seen.add(gap);
      }
    };
    Quote q = Quote.of(CurrencyPair.parse("EUR/USD"), BigDecimal.ONE, BigDecimal.TEN, T, QuoteStatus.TRADEABLE);
    StreamGap gap = new StreamGap(T, T.plusSeconds(15), 2);
    listener.onEvent(new QuoteEvent.Price(q));
    listener.onEvent(new QuoteEvent.Gap(gap));
    assertThat(seen).containsExactly(q, gap);
    assertThat(gap.length().toSeconds()).isEqualTo(15);
  }

  @Test
  void optionsDefaultToADropOldestBoundedBufferAndRefuseNonsense() {
    QuoteStreamOptions d = QuoteStreamOptions.defaults();
    assertThat(d.bufferCapacity()).isEqualTo(1024);
    assertThat(d.backpressure()).isEqualTo(Backpressure.DROP_OLDEST);
    assertThat(d.withBuffer(8, Backpressure.FAIL).backpressure()).isEqualTo(Backpressure.FAIL);
    assertThat(d.withReconnect(ReconnectPolicy.none()).reconnect().maxAttempts()).isZero();
    assertThatThrownBy(() -> d.withBuffer(0, Backpressure.FAIL)).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("bufferCapacity");
    assertThatThrownBy(() -> d.withBuffer(1_000_001, Backpressure.FAIL)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void gapThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> new StreamGap(T, T.minusSeconds(1), 2))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("resumed");
    assertThatThrownBy(() -> new StreamGap(T, T, 1))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("connection");
  }
}
