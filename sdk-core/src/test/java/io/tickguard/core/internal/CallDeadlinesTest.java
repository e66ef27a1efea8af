package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The sweeper's bookkeeping, driven with explicit times (the calls are never executed). */
class CallDeadlinesTest {
  private final OkHttpClient http = new OkHttpClient();
  private final CallDeadlines deadlines = new CallDeadlines(false);

  private Call newCall() {
    return http.newCall(new Request.Builder().url("http://127.0.0.1:9/never-sent").build());
  }

  @Test
  void callPastItsDeadlineIsCancelledAndMarkedExpired() {
    Call call = newCall();
    CallDeadlines.Deadline deadline = deadlines.start(call, Duration.ofMillis(10));

    assertThat(deadlines.cancelExpired(System.nanoTime() + Duration.ofSeconds(1).toNanos())).isEqualTo(1);
    assertThat(call.isCanceled()).isTrue();
    assertThat(deadline.expired()).isTrue();
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void callWithinItsDeadlineIsLeftAlone() {
    Call call = newCall();
    CallDeadlines.Deadline deadline = deadlines.start(call, Duration.ofHours(1));

    assertThat(deadlines.cancelExpired(System.nanoTime())).isZero();
    assertThat(call.isCanceled()).isFalse();
    assertThat(deadline.expired()).isFalse();
    deadline.close();
  }

  @Test
  void finishedCallIsNeverCancelledLater() {
    Call call = newCall();
    deadlines.start(call, Duration.ofMillis(10)).close();

    assertThat(deadlines.inFlight()).isZero();
    assertThat(deadlines.cancelExpired(System.nanoTime() + Duration.ofHours(1).toNanos())).isZero();
    assertThat(call.isCanceled()).isFalse();
  }

  @Test
  void aDeadlineExpiresOnlyOnce() {
    Call call = newCall();
    deadlines.start(call, Duration.ZERO);
    long later = System.nanoTime() + Duration.ofSeconds(1).toNanos();

    assertThat(deadlines.cancelExpired(later)).isEqualTo(1);
    assertThat(deadlines.cancelExpired(later)).isZero();
  }

  @Test
  void callsWithTheSameDeadlineAreTrackedAndExpiredSeparately() {
    long at = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Call first = newCall();
    Call second = newCall();
    Call third = newCall();
    CallDeadlines.Deadline a = deadlines.startUntil(first, at);
    CallDeadlines.Deadline b = deadlines.startUntil(second, at);
    CallDeadlines.Deadline c = deadlines.startUntil(third, at);

    assertThat(a).isNotEqualTo(b).hasSameHashCodeAs(b);
    assertThat(deadlines.inFlight()).isEqualTo(3);
    b.close();
    assertThat(deadlines.inFlight()).isEqualTo(2);

    assertThat(deadlines.cancelExpired(at)).isEqualTo(2);
    assertThat(first.isCanceled()).isTrue();
    assertThat(second.isCanceled()).isFalse();
    assertThat(third.isCanceled()).isTrue();
    assertThat(a.expired()).isTrue();
    assertThat(b.expired()).isFalse();
    assertThat(c.expired()).isTrue();
    assertThat(deadlines.inFlight()).isZero();
  }
}
