package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.TransportException;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bounded buffer behind a Saxo stream: capacity, both backpressure policies and the end. */
class SaxoEventBufferTest {
  private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

  private static QuoteEvent price(String bid) {
    return new QuoteEvent.Price(Quote.of(CurrencyPair.of("EUR", "USD"), new BigDecimal(bid),
        new BigDecimal(bid).add(new BigDecimal("0.0002")), T, QuoteStatus.TRADEABLE));
  }

  @Test
  void dropOldestKeepsTheNewestEventsAndCountsWhatItDropped() {
    SaxoEventBuffer buffer = new SaxoEventBuffer(2, Backpressure.DROP_OLDEST, Optional.empty());
    assertThat(buffer.offer(price("1.1000"))).isTrue();
    assertThat(buffer.offer(price("1.1001"))).isTrue();
    assertThat(buffer.offer(price("1.1002"))).isTrue();

    assertThat(buffer.dropped()).isEqualTo(1);
    assertThat(buffer.poll(Duration.ZERO)).contains(price("1.1001"));
    assertThat(buffer.poll(Duration.ZERO)).contains(price("1.1002"));
    assertThat(buffer.poll(Duration.ZERO)).isEmpty();
  }

  @Test
  void failRefusesTheEventThatDoesNotFitAndKeepsTheBuffered() {
    SaxoEventBuffer buffer = new SaxoEventBuffer(1, Backpressure.FAIL, Optional.empty());
    assertThat(buffer.offer(price("1.1000"))).isTrue();
    assertThat(buffer.offer(price("1.1001"))).isFalse();

    assertThat(buffer.dropped()).isZero();
    assertThat(buffer.poll(Duration.ZERO)).contains(price("1.1000"));
  }

  @Test
  void anEndedBufferHandsOutWhatItHeldThenSaysTheStreamIsClosed() {
    SaxoEventBuffer buffer = new SaxoEventBuffer(4, Backpressure.FAIL, Optional.empty());
    buffer.offer(price("1.1000"));
    TransportException cause = new TransportException("gone", null);
    buffer.end(Optional.of(cause));
    assertThat(buffer.offer(price("1.1001"))).as("nothing is buffered after the end").isTrue();

    assertThat(buffer.poll(Duration.ZERO)).contains(price("1.1000"));
    assertThatThrownBy(() -> buffer.poll(Duration.ZERO)).isInstanceOf(StreamClosedException.class)
        .hasMessageContaining("TransportException");
    assertThat(buffer.failure()).containsSame(cause);
  }

  @Test
  void aBufferWithAListenerRefusesPolling() {
    QuoteListener listener = q -> { };
    SaxoEventBuffer buffer = new SaxoEventBuffer(4, Backpressure.FAIL, Optional.of(listener));
    assertThatThrownBy(() -> buffer.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QuoteListener");
  }
}
