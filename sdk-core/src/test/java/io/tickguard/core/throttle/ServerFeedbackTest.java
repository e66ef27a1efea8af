package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.testutil.ExamplePresets;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerFeedbackTest {
  static final Endpoint PING = Endpoint.builder("ping", HttpMethod.GET, "/api/v3/ping").limits("REQUEST_WEIGHT").build();
  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:50Z");
  final ApiRequest ping = PING.request().build();

  InProcessThrottle binance(Duration maxWait) {
    return InProcessThrottle.builder(ExamplePresets.weightedSpot()).mode(ThrottleMode.BURST).clock(time).sleeper(time)
        .maxWait(maxWait).build();
  }

  @Test
  void usedWeightHeaderRaisesTheLocalCount() {
    InProcessThrottle throttle = binance(Duration.ofSeconds(30));
    throttle.acquire(ping);
    throttle.onResponse(ping, Responses.of(200, "X-MBX-USED-WEIGHT-1M", "6000"));
    assertThat(throttle.acquire(ping)).as("another process spent the minute").isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void usedWeightHeaderLowerThanLocalCountIsIgnored() {
    InProcessThrottle throttle = InProcessThrottle.builder("t").clock(time).sleeper(time).edgeGuard(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 2, Duration.ofMinutes(1)))
        .usageHeader(UsageHeader.used("X-Used", "REQUEST_WEIGHT/1m")).maxWait(Duration.ofSeconds(30)).build();
    throttle.acquire(ping);
    throttle.acquire(ping);
    throttle.onResponse(ping, Responses.of(200, "X-Used", "1"));
    assertThat(throttle.acquire(ping)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void remainingZeroBlocksTheWindowUntilTheReset() {
    InProcessThrottle throttle = InProcessThrottle.builder("t").clock(time).sleeper(time)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1000, Duration.ofHours(1)))
        .usageHeader(UsageHeader.remaining("X-RateLimit-Remaining", "X-RateLimit-Reset", "REQUEST_WEIGHT/1h"))
        .maxWait(Duration.ofSeconds(30)).build();
    throttle.onResponse(ping, Responses.of(200, "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "3"));
    assertThat(throttle.acquire(ping)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void after429WithRetryAfterSecondsEveryCallPausesUntilTheServersTime() {
    InProcessThrottle throttle = binance(Duration.ofSeconds(5));
    throttle.onResponse(ping, Responses.of(429, "Retry-After", "2"));
    assertThat(throttle.acquire(ping)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.acquire(ping)).isZero();
  }

  @Test
  void after429WithRetryAfterHttpDateThePauseIsMeasuredAgainstTheServersDate() {
    InProcessThrottle throttle = binance(Duration.ofSeconds(5));
    // The server's clock is 1 h ahead of ours: only the difference of its two dates counts.
    throttle.onResponse(ping, Responses.of(429,
        "Date", "Wed, 01 May 2024 13:00:50 GMT",
        "Retry-After", "Wed, 01 May 2024 13:00:54 GMT"));
    assertThat(throttle.acquire(ping)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void pauseLongerThanTheBoundFailsFastNamingThePause() {
    InProcessThrottle throttle = binance(Duration.ofSeconds(1));
    throttle.onResponse(ping, Responses.of(429, "Retry-After", "30"));
    assertThatThrownBy(() -> throttle.acquire(ping))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.window()).isEqualTo(InProcessThrottle.SERVER_PAUSE);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
          assertThat(e.banned()).isFalse();
        });
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void rateLimitReportedInsideA200PausesLikeA429() {
    InProcessThrottle throttle = binance(Duration.ofSeconds(5));
    throttle.onRateLimitInBody(ping, new RateLimitedException(
        "EAPI:Rate limit exceeded", io.tickguard.core.ErrorDetails.none(), "API_COUNTER", Duration.ofSeconds(3), false, false));
    assertThat(throttle.acquire(ping)).isEqualTo(Duration.ofSeconds(3));
    assertThat(throttle.acquire(ping)).isZero();
  }

  @Test
  void rateLimitInsideA200WithoutRetryAfterPausesForTheDefault() {
    InProcessThrottle throttle = InProcessThrottle.builder(ExamplePresets.weightedSpot()).mode(ThrottleMode.BURST).clock(time).sleeper(time)
        .pauseWithoutRetryAfter(Duration.ofSeconds(2)).maxWait(Duration.ofSeconds(1)).build();
    throttle.onRateLimitInBody(ping, new RateLimitedException(
        "quota", io.tickguard.core.ErrorDetails.none(), "CREDITS", null, false, false));
    assertThatThrownBy(() -> throttle.acquire(ping))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo(InProcessThrottle.SERVER_PAUSE));
  }

  @Test
  void after418EveryCallFailsFastAsBannedUntilTheBanEnds() {
    InProcessThrottle throttle = binance(Duration.ofMinutes(10));
    throttle.onResponse(ping, Responses.of(418, "Retry-After", "120"));
    assertThatThrownBy(() -> throttle.acquire(ping))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.banned()).isTrue();
          assertThat(e.clientSide()).as("nothing was sent").isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        });
    assertThat(time.sleeps()).as("a ban is never waited out inside a call").isEmpty();
    time.advance(Duration.ofSeconds(120));
    assertThat(throttle.acquire(ping)).isZero();
  }

  @Test
  void after418WithoutRetryAfterTheDefaultBanApplies() {
    InProcessThrottle throttle = binance(Duration.ofMinutes(10));
    throttle.onResponse(ping, Responses.of(418));
    time.advance(Duration.ofSeconds(119));
    assertThatThrownBy(() -> throttle.acquire(ping)).isInstanceOf(RateLimitedException.class);
    time.advance(Duration.ofSeconds(1));
    assertThat(throttle.acquire(ping)).isZero();
  }
}
