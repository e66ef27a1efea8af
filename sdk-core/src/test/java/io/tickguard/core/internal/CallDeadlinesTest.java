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
}
