package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The thread-CPU comparison measures both sides of the real round trips, on every caller thread, and
 * refuses two sides that do not give the same answer. It checks the harness does its job, never a time.
 */
class RoundTripCpuTimeTest {

  @Test
  void signedRoundTripIsMeasuredOnBothSidesAtTwoThreads() throws Exception {
    SignedRoundTripState state = new SignedRoundTripState();
    state.protocol = "http/1.1";
    state.start();
    try {
      AtomicInteger tickGuardCalls = new AtomicInteger();
      AtomicInteger rawCalls = new AtomicInteger();
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger resets = new AtomicInteger();
      AtomicInteger resetsDuringACall = new AtomicInteger();
      RoundTripCpuTime.Result result = RoundTripCpuTime.compare("signed",
          () -> { tickGuardCalls.incrementAndGet(); return counted(inFlight, state::callTickGuard); },
          () -> { rawCalls.incrementAndGet(); return counted(inFlight, state::callRaw); },
          () -> {
            resets.incrementAndGet();
            if (inFlight.get() != 0) {
              resetsDuringACall.incrementAndGet();
            }
            state.forgetRequests();
          },
          2, 1, 3, 2);
      // one check call per side, then (1 warm-up + 3 rounds) x 2 calls on each of 2 threads
      assertThat(tickGuardCalls).hasValue(1 + 4 * 2 * 2);
      assertThat(rawCalls).hasValue(1 + 4 * 2 * 2);
      assertThat(resets).as("once before each round, on one thread").hasValue(4);
      assertThat(resetsDuringACall).as("never while a call is in flight").hasValue(0);
      assertThat(result.threads()).isEqualTo(2);
      assertThat(result.tickGuardNanosPerCall()).isPositive();
      assertThat(result.handWrittenNanosPerCall()).isPositive();
      assertThat(result.medianRatio()).isBetween(result.lowestRatio(), result.highestRatio());
      assertThat(result.tickGuardWallP50Nanos()).as("a call's wall time includes its CPU").isPositive();
      assertThat(result.handWrittenWallP50Nanos()).isPositive();
      assertThat(result.medianWallP50Ratio()).isPositive();
    } finally {
      state.stop();
    }
  }

  @Test
  void smallCallIsMeasuredOnBothSides() throws Exception {
    LastPriceState state = new LastPriceState();
    state.start();
    try {
      RoundTripCpuTime.Result result = RoundTripCpuTime.compare("lastPrice", state::callTickGuard, state::callRaw,
          state::forgetRequests, 1, 0, 1, 1);
      assertThat(result.tickGuardNanosPerCall()).isPositive();
      assertThat(result.toString()).contains("lastPrice", "1 thread(s)", "wall p50");
    } finally {
      state.stop();
    }
  }

  private static <T> T counted(AtomicInteger inFlight, Supplier<T> call) {
    inFlight.incrementAndGet();
    try {
      return call.get();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Test
  void sidesThatDisagreeAreRefused() {
    assertThatThrownBy(() -> RoundTripCpuTime.compare("mismatch", () -> "a", () -> "b", () -> { }, 1, 0, 1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("disagree");
  }
}
