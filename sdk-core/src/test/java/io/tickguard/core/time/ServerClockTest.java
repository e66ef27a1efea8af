package io.tickguard.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerClockTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  private static TimeSample sample(long sentMs, long serverMs, long receivedMs) {
    return new TimeSample(T0.plusMillis(sentMs), T0.plusMillis(serverMs), T0.plusMillis(receivedMs));
  }

  @Test
  void offsetIsTheMidpointOfTheRoundTrip() {
    assertThat(sample(0, 1_050, 100).offset()).isEqualTo(Duration.ofMillis(1_000));
  }

  @Test
  void medianIgnoresOneDelayedSample() {
    List<TimeSample> samples = List.of(
        sample(0, 2_010, 20), sample(100, 2_110, 120), sample(200, 9_000, 5_000), sample(300, 2_310, 320), sample(400, 2_410, 420));

    assertThat(OffsetEstimator.median(samples)).contains(Duration.ofSeconds(2));
  }

  @Test
  void resyncNowAppliesTheMedianOffsetToTimestamps() throws Exception {
    MutableClock local = new MutableClock(T0);
    Deque<TimeSample> answers = new ArrayDeque<>(List.of(
        sample(0, 3_010, 20), sample(0, 3_012, 20), sample(0, 2_990, 20)));
    ServerClock clock = ServerClock.builder(local).sampler(answers::pop).samplesPerSync(3).build();

    clock.resyncNow();

    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(3_000));
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli() + 3_000);
    assertThat(clock.uncertainty()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void resyncIsDueInitiallyAndAgainAfterTheInterval() throws Exception {
    MutableClock local = new MutableClock(T0);
    int[] calls = {0};
    ServerClock clock = ServerClock.builder(local)
        .sampler(() -> {
          calls[0]++;
          return new TimeSample(local.instant(), local.instant().plusMillis(700), local.instant());
        })
        .samplesPerSync(1)
        .resyncInterval(Duration.ofMinutes(10))
        .build();

    assertThat(clock.resyncIfDue()).isTrue();
    local.advance(Duration.ofMinutes(9));
    assertThat(clock.resyncIfDue()).isFalse();
    local.advance(Duration.ofMinutes(1));
    assertThat(clock.resyncIfDue()).isTrue();
    assertThat(calls[0]).isEqualTo(2);
  }

  @Test
  void dateHeaderIsTheFallbackWithoutASampler() {
    MutableClock local = new MutableClock(T0);
    ServerClock clock = ServerClock.uncorrected(local);

    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:07 GMT", T0);

    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(7_500));
  }

  @Test
  void repeatedDateHeaderTextIsReadAgainOnlyWhenItChanges() {
    MutableClock local = new MutableClock(T0);
    ServerClock clock = ServerClock.uncorrected(local);

    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:07 GMT", T0);
    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:07 GMT", T0); // same second: the kept instant
    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(7_500));

    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:09 GMT", T0); // a new text is parsed, not the kept one
    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(9_500));

    clock.observeDate(T0, "not a date", T0); // ignored, and it does not replace the kept instant
    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:09 GMT", T0);
    assertThat(clock.offset()).isEqualTo(Duration.ofMillis(9_500));
  }

  @Test
  void dateHeaderContradictingTheMeasuredOffsetTriggersAResync() throws Exception {
    MutableClock local = new MutableClock(T0);
    ServerClock clock = ServerClock.builder(local)
        .sampler(() -> new TimeSample(local.instant(), local.instant(), local.instant()))
        .samplesPerSync(1)
        .build();
    clock.resyncNow();
    assertThat(clock.isResyncDue()).isFalse();

    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:00 GMT", T0); // agrees within resolution
    assertThat(clock.isResyncDue()).isFalse();
    clock.observeDate(T0, "Fri, 01 Mar 2024 12:00:05 GMT", T0); // server jumped 5 s
    assertThat(clock.isResyncDue()).isTrue();
  }

  @Test
  void dateHeaderWithARoundTripIsPlacedOnTheLocalClockNotTheWallClock() throws Exception {
    // The local clock is a configured one, years away from the wall clock.
    MutableClock local = new MutableClock(T0);
    ServerClock clock = ServerClock.builder(local)
        .sampler(() -> new TimeSample(local.instant(), local.instant().plusSeconds(3), local.instant()))
        .samplesPerSync(1)
        .build();
    clock.resyncNow();

    clock.observeDate("Fri, 01 Mar 2024 12:00:03 GMT", Duration.ofMillis(40)); // agrees with +3 s
    assertThat(clock.isResyncDue()).isFalse();
    clock.observeDate("Fri, 01 Mar 2024 12:00:09 GMT", Duration.ofMillis(40)); // server jumped
    assertThat(clock.isResyncDue()).isTrue();
  }

  @Test
  void recvWindowAcceptsUpToItsWindowBackAndLessThanMaxAheadOfTheServer() {
    RecvWindow window = new RecvWindow(Duration.ofMillis(5_000), Duration.ofSeconds(1));
    Instant server = T0;

    assertThat(window.accepts(server.minusMillis(5_000), server)).isTrue();
    assertThat(window.accepts(server.minusMillis(5_001), server)).isFalse();
    assertThat(window.accepts(server.plusMillis(999), server)).isTrue();
    assertThat(window.accepts(server.plusMillis(1_000), server)).isFalse();
    assertThat(window.achievableWith(Duration.ofMillis(40))).isTrue();
    assertThat(window.achievableWith(Duration.ofSeconds(2))).isFalse();
  }
}
