package io.tickguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.stream.StreamScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Virtual time for stream tests: tasks run only when the test advances the clock, in due order. */
class ManualStreamSchedulerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final ManualStreamScheduler scheduler = new ManualStreamScheduler(clock);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @Test
  void dueTasksRunInDueOrderOnlyWhenTheClockReachesThem() {
    scheduler.schedule(Duration.ofSeconds(20), () -> ran.add("b"));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("a"));
    scheduler.schedule(Duration.ofSeconds(10), () -> ran.add("a2"));
    assertThat(scheduler.advance(Duration.ofSeconds(9))).isZero();
    assertThat(scheduler.advance(Duration.ofSeconds(1))).isEqualTo(2);
    assertThat(ran).containsExactly("a", "a2");
    assertThat(scheduler.dueTimes()).containsExactly(Instant.parse("2026-01-05T10:00:20Z"));
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(ran).containsExactly("a", "a2", "b");
  }

  @Test
  void aTaskScheduledForNowByARunningTaskRunsInTheSameAdvanceAndACancelledOneNever() {
    StreamScheduler.Task cancelled = scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled"));
    scheduler.schedule(Duration.ofSeconds(1), () -> scheduler.schedule(Duration.ZERO, () -> ran.add("follow-up")));
    cancelled.cancel();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(ran).containsExactly("follow-up");
    assertThat(scheduler.pending()).isZero();
  }
}
