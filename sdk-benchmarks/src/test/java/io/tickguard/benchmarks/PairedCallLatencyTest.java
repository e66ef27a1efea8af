package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The call-by-call comparison alternates the sides, swaps who goes first, charges each call's time to
 * its own side, and resets the server only between segments. Times come from a fake clock that each
 * side advances by a fixed amount, so every number is known in advance: no test here measures time.
 */
class PairedCallLatencyTest {

  @Test
  void eachCallIsChargedToItsOwnSideWhicheverGoesFirst() throws Exception {
    AtomicLong now = new AtomicLong();
    List<String> order = new ArrayList<>();
    PairedCallLatency.Result result = PairedCallLatency.compare("fake",
        () -> { order.add("T"); now.addAndGet(110); return "same"; },
        () -> { order.add("H"); now.addAndGet(100); return "same"; },
        () -> order.add("reset"),
        1, 2, 4, 2, now::get);
    // the check of both answers, then warm-up pairs -2 and -1, then recorded pairs 0 to 3 in two segments
    assertThat(order).containsExactly(
        "T", "H",
        "reset", "T", "H", "H", "T",
        "reset", "T", "H", "H", "T",
        "reset", "T", "H", "H", "T");
    // charged to the wrong side on the pairs where the hand-written call goes first, both p50s would be 110
    assertThat(result.tickGuardP50Nanos()).isEqualTo(110);
    assertThat(result.handWrittenP50Nanos()).isEqualTo(100);
    assertThat(result.tickGuardP90Nanos()).isEqualTo(110);
    assertThat(result.p50Ratio()).isEqualTo(1.1);
    assertThat(result.lowestSegmentRatio()).isEqualTo(1.1);
    assertThat(result.highestSegmentRatio()).isEqualTo(1.1);
    assertThat(result.toString()).contains("fake", "1 thread(s), 4 pairs each", "ratio 1.100x");
    assertThat(result.tickGuardCalls()).as("every recorded call, for Forks to pool").containsExactly(110, 110, 110, 110);
    assertThat(result.handWrittenCalls()).containsExactly(100, 100, 100, 100);
  }

  @Test
  void segmentRatiosShowHowFarTheRatioMoved() throws Exception {
    AtomicLong now = new AtomicLong();
    AtomicInteger tickGuardCalls = new AtomicInteger();
    // TickGuard's calls cost 100 in the first recorded segment and 130 in the second (call 1 is the check)
    PairedCallLatency.Result result = PairedCallLatency.compare("drift",
        () -> { now.addAndGet(tickGuardCalls.incrementAndGet() <= 3 ? 100 : 130); return 1; },
        () -> { now.addAndGet(100); return 1; },
        () -> { },
        1, 0, 4, 2, now::get);
    assertThat(result.lowestSegmentRatio()).isEqualTo(1.0);
    assertThat(result.highestSegmentRatio()).isEqualTo(1.3);
    assertThat(result.segmentRatios()).as("in the order the segments ran").containsExactly(1.0, 1.3);
    assertThat(result.toString()).endsWith("segments in order: 1.00 1.30");
  }

  @Test
  void signedRoundTripIsPairedOnTwoThreadsWithResetsOnlyBetweenSegments() throws Exception {
    SignedRoundTripState state = new SignedRoundTripState();
    state.protocol = "http/1.1";
    state.start();
    try {
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger resets = new AtomicInteger();
      AtomicInteger resetsDuringACall = new AtomicInteger();
      PairedCallLatency.Result result = PairedCallLatency.compare("signed",
          () -> counted(calls, inFlight, state::callTickGuard),
          () -> counted(calls, inFlight, state::callRaw),
          () -> {
            resets.incrementAndGet();
            if (inFlight.get() != 0) {
              resetsDuringACall.incrementAndGet();
            }
            state.forgetRequests();
          },
          2, 2, 4, 2, System::nanoTime);
      // the check (2 calls), then 2 threads x (2 warm-up + 4 recorded) pairs of 2 calls
      assertThat(calls).hasValue(2 + 2 * 6 * 2);
      assertThat(resets).as("before the warm-up and before each of 2 segments").hasValue(3);
      assertThat(resetsDuringACall).as("never while a call is in flight").hasValue(0);
      assertThat(result.threads()).isEqualTo(2);
      assertThat(result.tickGuardP50Nanos()).isPositive();
      assertThat(result.handWrittenP50Nanos()).isPositive();
      assertThat(result.lowestSegmentRatio()).isLessThanOrEqualTo(result.highestSegmentRatio());
    } finally {
      state.stop();
    }
  }

  @Test
  void sidesThatDisagreeAreRefused() {
    assertThatThrownBy(() -> PairedCallLatency.compare("mismatch", () -> "a", () -> "b", () -> { }, 1, 0, 1, 1, System::nanoTime))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("disagree");
  }

  @Test
  void aPartSegmentIsRefused() {
    assertThatThrownBy(() -> PairedCallLatency.compare("bad", () -> 1, () -> 1, () -> { }, 1, 0, 5, 2, System::nanoTime))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number of segments")
        .hasMessageContaining("pairs=5");
  }

  @Test
  void aCallThatReturnsNothingFailsTheComparison() {
    AtomicInteger n = new AtomicInteger();
    assertThatThrownBy(() -> PairedCallLatency.compare("null", () -> n.incrementAndGet() == 1 ? "x" : null, () -> "x",
        () -> { }, 1, 0, 2, 2, System::nanoTime))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("A caller failed")
        .hasRootCauseMessage("A call returned nothing");
  }

  private static <T> T counted(AtomicInteger calls, AtomicInteger inFlight, java.util.function.Supplier<T> call) {
    calls.incrementAndGet();
    inFlight.incrementAndGet();
    try {
      return call.get();
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
