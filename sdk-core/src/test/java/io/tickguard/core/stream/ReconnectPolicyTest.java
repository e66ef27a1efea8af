package io.tickguard.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Full-jitter exponential backoff: uniform in [0, min(maxDelay, baseDelay * 2^(n-1))]. */
class ReconnectPolicyTest {

  /** Returns the largest value below the bound, and records every bound it was asked for. */
  private static final class Largest implements RandomGenerator {
    final List<Long> bounds = new ArrayList<>();

    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextLong(long bound) {
      bounds.add(bound);
      return bound - 1;
    }
  }

  @Test
  void theCapDoublesPerAttemptUpToMaxDelayAndTheDelayIsDrawnBelowIt() {
    Largest random = new Largest();
    ReconnectPolicy policy = ReconnectPolicy.builder().baseDelay(Duration.ofMillis(500))
        .maxDelay(Duration.ofSeconds(3)).random(random).build();
    List<Duration> delays = new ArrayList<>();
    for (int attempt = 1; attempt <= 5; attempt++) {
      delays.add(policy.delayBefore(attempt));
    }
    assertThat(delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000),
        Duration.ofMillis(3000), Duration.ofMillis(3000));
    assertThat(random.bounds).containsExactly(501L, 1001L, 2001L, 3001L, 3001L);
    assertThat(policy.delayBefore(10_000)).isEqualTo(Duration.ofSeconds(3)); // no overflow far out
  }

  @Test
  void aZeroBaseNeverWaitsAndNoneNeverReconnects() {
    ReconnectPolicy immediate = ReconnectPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build();
    assertThat(immediate.delayBefore(3)).isZero();
    assertThat(ReconnectPolicy.none().maxAttempts()).isZero();
  }

  @Test
  void invalidSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> ReconnectPolicy.builder().baseDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("baseDelay");
    assertThatThrownBy(() -> ReconnectPolicy.builder().maxAttempts(-1)).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> ReconnectPolicy.defaults().delayBefore(0)).hasMessageContaining("attempt");
  }
}
