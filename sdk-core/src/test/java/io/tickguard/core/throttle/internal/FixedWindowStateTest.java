package io.tickguard.core.throttle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The window bookkeeping behind {@link FixedWindowState}: the current window kept in two fields, every
 * other window in a map, and counts that must follow a window when it becomes the current one.
 */
class FixedWindowStateTest {
  static final long MINUTE = 60_000;
  static final long T0 = 1_714_564_800_000L; // 2024-05-01T12:00:00Z, a minute boundary

  final FixedWindowState state = new FixedWindowState(RateLimit.fixedWindow("W", 10, Duration.ofMinutes(1)), 100);

  @Test
  void permitsGrantedAheadInTheNextWindowStayCountedWhenThatWindowBecomesCurrent() {
    state.prune(T0 + 10_000);
    long next = state.earliestAt(T0 + 10_000, 10);
    state.take(next, 10); // fills the current window
    long ahead = state.earliestAt(T0 + 10_000, 4);
    assertThat(ahead).isEqualTo(T0 + MINUTE);
    state.take(ahead, 4); // a waiter's grant, counted in the next window

    state.prune(T0 + MINUTE + 1);

    assertThat(state.earliestAt(T0 + MINUTE + 1, 6)).as("6 more fit beside the carried 4").isEqualTo(T0 + MINUTE + 1);
    assertThat(state.earliestAt(T0 + MINUTE + 1, 7)).as("7 do not").isEqualTo(T0 + 2 * MINUTE);
  }

  @Test
  void aGrantInTheEdgeIsChargedToTheNextWindowAndCarriedIntoIt() {
    state.prune(T0 + MINUTE - 50);
    state.take(T0 + MINUTE - 50, 3); // inside the 100 ms edge: charged to both windows

    state.prune(T0 + MINUTE + 10);

    assertThat(state.earliestAt(T0 + MINUTE + 10, 7)).isEqualTo(T0 + MINUTE + 10);
    assertThat(state.earliestAt(T0 + MINUTE + 10, 8)).isEqualTo(T0 + 2 * MINUTE);
  }

  @Test
  void aClockSteppedBackKeepsTheCountOfTheLaterWindow() {
    state.prune(T0 + MINUTE + 5_000);
    state.take(T0 + MINUTE + 5_000, 9);

    state.prune(T0 + 30_000); // the clock went back into the previous window

    // Never earlier than the last grant (FIFO), where the 9 taken before the step back still count.
    assertThat(state.earliestAt(T0 + 30_000, 1)).isEqualTo(T0 + MINUTE + 5_000);
    assertThat(state.earliestAt(T0 + 30_000, 2)).isEqualTo(T0 + 2 * MINUTE);
    state.prune(T0 + MINUTE + 6_000);
    assertThat(state.earliestAt(T0 + MINUTE + 6_000, 1)).isEqualTo(T0 + MINUTE + 6_000);
    assertThat(state.earliestAt(T0 + MINUTE + 6_000, 2)).as("the 9 taken before the step back still count").isEqualTo(T0 + 2 * MINUTE);
  }

  @Test
  void serverReportedUsageRaisesTheCurrentOrAnotherWindowButNeverLowersIt() {
    state.prune(T0 + 1_000);
    state.take(T0 + 1_000, 5);
    state.observeUsed(T0 + 1_000, 3); // lower than local: ignored
    assertThat(state.earliestAt(T0 + 1_000, 5)).isEqualTo(T0 + 1_000);
    state.observeUsed(T0 + 1_000, 8);
    assertThat(state.earliestAt(T0 + 1_000, 3)).isEqualTo(T0 + MINUTE);

    state.observeUsed(T0 + MINUTE + 1_000, 9); // reported for a window not yet current
    state.prune(T0 + MINUTE + 1_000);
    assertThat(state.earliestAt(T0 + MINUTE + 1_000, 2)).isEqualTo(T0 + 2 * MINUTE);
  }

  @Test
  void windowsLeftBehindAreForgotten() {
    state.prune(T0);
    state.take(T0 + 2 * MINUTE, 10); // far ahead
    state.prune(T0 + 3 * MINUTE);

    assertThat(state.earliestAt(T0 + 3 * MINUTE, 10)).isEqualTo(T0 + 3 * MINUTE);
  }
}
