package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
  void aSendBoundCancelsTheCallBeforeItsDeadlineAndSaysSo() {
    Call call = newCall();
    long now = System.nanoTime();
    CallDeadlines.Deadline deadline = deadlines.startUntil(call, now + Duration.ofSeconds(30).toNanos());
    deadline.sendBy(now + Duration.ofSeconds(2).toNanos());

    assertThat(deadlines.cancelExpired(now + Duration.ofSeconds(1).toNanos())).as("within the bound").isZero();
    assertThat(deadlines.cancelExpired(now + Duration.ofSeconds(2).toNanos())).isEqualTo(1);
    assertThat(call.isCanceled()).isTrue();
    assertThat(deadline.expired()).isTrue();
    assertThat(deadline.sendStalled()).isTrue();
  }

  @Test
  void aSendBoundEndsWhenTheAnswerCame() {
    Call call = newCall();
    long now = System.nanoTime();
    CallDeadlines.Deadline deadline = deadlines.startUntil(call, now + Duration.ofSeconds(30).toNanos());
    deadline.sendBy(now + Duration.ofSeconds(2).toNanos());
    deadline.sent();

    assertThat(deadlines.cancelExpired(now + Duration.ofSeconds(10).toNanos())).isZero();
    assertThat(call.isCanceled()).isFalse();
    assertThat(deadlines.cancelExpired(now + Duration.ofSeconds(30).toNanos())).as("the deadline still holds").isEqualTo(1);
    assertThat(deadline.sendStalled()).as("the whole-call deadline fired, not the send bound").isFalse();
  }

  @Test
  void aCallPastBothBoundsIsReportedAsPastItsDeadline() {
    Call call = newCall();
    long now = System.nanoTime();
    CallDeadlines.Deadline deadline = deadlines.startUntil(call, now + Duration.ofSeconds(3).toNanos());
    deadline.sendBy(now + Duration.ofSeconds(2).toNanos());

    assertThat(deadlines.cancelExpired(now + Duration.ofSeconds(5).toNanos())).isEqualTo(1);
    assertThat(deadline.sendStalled()).isFalse();
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

    assertThat(a).isNotEqualTo(b);
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

  @Test
  void callsNestedOnOneThreadGrowItsSlotsAndEachIsTrackedUntilClosedOrExpired() {
    long soon = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    long late = soon + Duration.ofHours(1).toNanos();
    List<Call> calls = new ArrayList<>();
    List<CallDeadlines.Deadline> started = new ArrayList<>();
    for (int i = 0; i < 7; i++) { // more than the slots a thread starts with
      Call call = newCall();
      calls.add(call);
      started.add(deadlines.startUntil(call, i % 2 == 0 ? soon : late));
    }
    assertThat(deadlines.inFlight()).isEqualTo(7);
    assertThat(deadlines.threadsRegistered()).isEqualTo(1);

    started.get(2).close();
    started.get(3).close();
    assertThat(deadlines.inFlight()).isEqualTo(5);

    assertThat(deadlines.cancelExpired(soon)).as("calls 0, 4, 6").isEqualTo(3);
    assertThat(calls).extracting(Call::isCanceled).containsExactly(true, false, false, false, true, false, true);
    assertThat(deadlines.inFlight()).isEqualTo(2);

    // Freed slots are used again before the slots grow.
    CallDeadlines.Deadline again = deadlines.startUntil(newCall(), late);
    assertThat(deadlines.inFlight()).isEqualTo(3);
    again.close();
    started.forEach(CallDeadlines.Deadline::close);
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void callsOfSeveralThreadsAreSweptTogetherAndEndedThreadsAreForgotten() throws InterruptedException {
    long at = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    int threads = 3;
    CountDownLatch started = new CountDownLatch(threads);
    CountDownLatch swept = new CountDownLatch(1);
    List<Call> calls = new ArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Call call = newCall();
      calls.add(call);
      Thread t = new Thread(() -> {
        CallDeadlines.Deadline d = deadlines.startUntil(call, at);
        started.countDown();
        try {
          swept.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        d.close();
      });
      callers.add(t);
      t.start();
    }
    started.await();
    CallDeadlines.Deadline own = deadlines.startUntil(newCall(), at + Duration.ofHours(1).toNanos());

    assertThat(deadlines.threadsRegistered()).isEqualTo(threads + 1);
    assertThat(deadlines.inFlight()).isEqualTo(threads + 1);
    assertThat(deadlines.cancelExpired(at)).isEqualTo(threads);
    assertThat(calls).allMatch(Call::isCanceled);

    swept.countDown();
    for (Thread t : callers) {
      t.join();
    }
    deadlines.forgetEndedThreads();
    assertThat(deadlines.threadsRegistered()).as("only this live thread's slots stay").isOne();
    assertThat(deadlines.inFlight()).isOne();
    own.close();
    deadlines.forgetEndedThreads();
    assertThat(deadlines.threadsRegistered()).as("a live thread keeps its slots").isOne();
    assertThat(deadlines.inFlight()).isZero();
  }
}
