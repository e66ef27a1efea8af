package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.TickGuardException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuoteQueueTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  private static Quote quote(int n) {
    return Quote.of(CurrencyPair.parse("EUR/USD"), new BigDecimal("1.0" + n), new BigDecimal("1.0" + n), T,
        QuoteStatus.TRADEABLE);
  }

  private static Quote price(Optional<QuoteEvent> e) {
    return ((QuoteEvent.Price) e.orElseThrow()).quote();
  }

  @Test
  void dropOldestKeepsTheNewestQuotesAndCountsTheDropped() {
    QuoteQueue queue = new QuoteQueue(Backpressure.dropOldest(2));
    for (int i = 1; i <= 5; i++) {
      queue.onQuote(quote(i));
    }
    assertThat(queue.dropped()).isEqualTo(3);
    assertThat(queue.size()).isEqualTo(2);
    assertThat(price(queue.poll())).isEqualTo(quote(4));
    assertThat(price(queue.poll())).isEqualTo(quote(5));
    assertThat(queue.poll()).isEmpty();
  }

  @Test
  void dropOldestPrefersDroppingAQuoteOverAGap() {
    QuoteQueue queue = new QuoteQueue(Backpressure.dropOldest(2));
    StreamGap gap = new StreamGap(T, T.plusSeconds(3), StreamGap.Cause.CONNECTION_LOST, 1);
    queue.onGap(gap);
    queue.onQuote(quote(1));
    queue.onQuote(quote(2));
    assertThat(queue.poll()).contains(new QuoteEvent.Gap(gap));
    assertThat(price(queue.poll())).isEqualTo(quote(2));
    assertThat(queue.dropped()).isEqualTo(1);
  }

  @Test
  void failPolicyDeliversWhatWasBufferedThenTheOverflow() {
    QuoteQueue queue = new QuoteQueue(Backpressure.fail(2));
    assertThat(queue.offer(new QuoteEvent.Price(quote(1)))).isTrue();
    assertThat(queue.offer(new QuoteEvent.Price(quote(2)))).isTrue();
    assertThat(queue.offer(new QuoteEvent.Price(quote(3)))).isFalse();
    assertThat(queue.isClosed()).isTrue();
    assertThat(queue.offer(new QuoteEvent.Price(quote(4)))).isFalse();
    assertThat(price(queue.poll())).isEqualTo(quote(1));
    assertThat(price(queue.poll())).isEqualTo(quote(2));
    assertThatThrownBy(queue::poll).isInstanceOf(QuoteStreamOverflowException.class)
        .hasMessageContaining("dropOldest");
    assertThat(queue.dropped()).isZero();
  }

  @Test
  void endIsNeverDroppedComesAfterTheBufferAndRepeats() throws InterruptedException {
    QuoteQueue queue = new QuoteQueue(Backpressure.dropOldest(1));
    queue.onQuote(quote(1));
    TickGuardException cause = new TickGuardException("gave up");
    queue.onClosed(Optional.of(cause));
    queue.onQuote(quote(2));
    assertThat(price(queue.poll())).isEqualTo(quote(1));
    assertThat(queue.take()).isEqualTo(new QuoteEvent.End(Optional.of(cause)));
    assertThat(queue.poll(Duration.ZERO)).contains(new QuoteEvent.End(Optional.of(cause)));
  }

  @Test
  void pollWithZeroTimeoutOnAnEmptyOpenQueueReturnsEmpty() throws InterruptedException {
    assertThat(new QuoteQueue(Backpressure.fail(1)).poll(Duration.ZERO)).isEmpty();
  }

  @Test
  void capacityOutOfRangeIsRefused() {
    assertThatThrownBy(() -> Backpressure.fail(0)).hasMessageStartingWith("capacity");
    assertThatThrownBy(() -> Backpressure.dropOldest(1_000_001)).hasMessageStartingWith("capacity");
  }
}
