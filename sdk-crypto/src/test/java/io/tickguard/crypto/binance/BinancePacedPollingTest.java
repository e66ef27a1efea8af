package io.tickguard.crypto.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.ThrottleMode;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.internal.BinanceEndpoints;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.RateDecision;
import io.tickguard.testkit.RateLimiter;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's target: a bot polling a weight-2 endpoint ({@code ticker/price}) at full speed against
 * a server enforcing Binance's 6,000 weight per minute, on virtual time shared by throttle and
 * server. With the Binance preset's default mode (paced) it is never refused by either side and
 * uses at least 90% of the allowed weight; in burst mode the same bot is refused most of the time.
 */
class BinancePacedPollingTest {
  // The sandbox test below makes ~300 TLS calls; the two others run on the limiter alone.
  private static final ApiRequest POLL =
      BinanceEndpoints.TICKER_PRICE.request().query("symbol", "BTCUSDT").build();

  /** Polls for {@code duration} of virtual time; returns {accepted by the server, refused by either side}. */
  private static int[] poll(ThrottleMode mode, Duration duration) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:17Z")); // mid-minute start
    RateLimiter server = new RateLimiter(BinanceRoutes.defaultPolicy(), clock); // the sandbox's enforcement
    InProcessThrottle throttle = InProcessThrottle.builder(BinanceLimits.spot()).mode(mode)
        .clock(clock).sleeper(clock::advance).build();
    Instant end = clock.instant().plus(duration);
    int accepted = 0;
    int refused = 0;
    while (clock.instant().isBefore(end)) {
      try {
        throttle.acquire(POLL);
      } catch (RateLimitedException e) {
        refused++;
        clock.advance(Duration.ofMillis(20)); // the bot tries again soon
        continue;
      }
      RateDecision decision = server.charge("bot", POLL.weight());
      if (decision.allowed()) {
        accepted++;
      } else {
        refused++;
      }
      clock.advance(Duration.ofMillis(1)); // each call takes a millisecond on the wire
    }
    return new int[] {accepted, refused};
  }

  @Test
  void pacedPollerAtFullSpeedForThreeMinutesIsNeverRefusedAndUsesAtLeastNinetyPercentOfTheBudget() {
    assertThat(ThrottleMode.defaultFor(BinanceLimits.spot())).isEqualTo(ThrottleMode.PACED);

    int[] result = poll(ThrottleMode.PACED, Duration.ofMinutes(3));

    long allowedWeight = 6_000L * 3;
    assertThat(result[1]).as("429s and RateLimitedExceptions").isZero();
    assertThat(result[0] * 2L).as("weight used of %d allowed", allowedWeight)
        .isGreaterThanOrEqualTo((long) (allowedWeight * 0.9));
  }

  @Test
  void burstPollerAtFullSpeedIsRefusedForMostOfEachMinute() {
    int[] result = poll(ThrottleMode.BURST, Duration.ofMinutes(3));

    // Each minute: 3,000 calls in the first 3 s, then ~55 s of refusals (a try every 20 ms).
    assertThat(result[1]).as("refusals").isGreaterThan(3 * 2_500);
  }

  @Test
  void pacedClientPollingTheSandboxAcrossAMinuteBoundaryGetsNo429() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:57Z"));
    AtomicInteger refusedByServer = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    MetricsListener statuses = new MetricsListener() {
      @Override
      public void onAttempt(AttemptEvent event) {
        (event.status() == 200 ? ok : refusedByServer).incrementAndGet();
      }
    };
    InProcessThrottle throttle = InProcessThrottle.builder(BinanceLimits.spot())
        .clock(clock).sleeper(clock::advance).build(); // the preset's default mode: paced
    try (SandboxServer sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new BinanceRoutes()).start()) {
      ClientConfig config = sandbox.clientConfigBuilder().clock(clock).metrics(statuses).build();
      try (BinanceClient binance = BinanceClient.builder().config(config).throttle(throttle).build()) {
        Instant end = clock.instant().plus(Duration.ofSeconds(6));
        int calls = 0;
        while (clock.instant().isBefore(end)) {
          binance.lastPrice(Symbol.of("BTC", "USDT")); // a RateLimitedException here fails the test
          calls++;
        }
        assertThat(refusedByServer).hasValue(0);
        assertThat(ok).hasValue(calls);
        assertThat(calls).as("one call per 20 ms for 6 s").isBetween(270, 301);
      }
    }
  }
}
