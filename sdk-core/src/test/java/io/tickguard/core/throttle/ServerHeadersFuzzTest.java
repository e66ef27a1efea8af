package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.internal.RetryAfter;
import io.tickguard.core.testutil.FuzzInput;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a server writes in {@code Retry-After}, {@code Date} and the rate-limit/usage headers is
 * untrusted. Whatever it writes, reading it ends in a bounded wait or a typed refusal: never another
 * exception, a negative or unbounded wait.
 *
 * <p>Regression inputs: {@code src/test/resources/io/tickguard/core/throttle/ServerHeadersFuzzTestInputs/}.
 * Parts of an input are separated by byte 0x1E (see {@link FuzzInput}).
 */
class ServerHeadersFuzzTest {
  private static final Endpoint ORDERS = Endpoint.builder("orders", HttpMethod.GET, "/api/v3/allOrders")
      .weight(20).limits("REQUEST_WEIGHT", "ORDERS").build();
  private static final Duration MAX_WAIT = Duration.ofSeconds(90);

  /** Parts: Retry-After value, Date value. */
  @FuzzTest
  void retryAfter(byte[] data) {
    List<byte[]> p = FuzzInput.parts(data, 2);
    Headers headers = new Headers.Builder().addUnsafeNonAscii("Date", FuzzInput.latin1(p.get(1))).build();
    VirtualTime clock = VirtualTime.at("2024-05-01T12:00:00Z");

    Optional<Duration> wait = RetryAfter.parse(Optional.of(FuzzInput.latin1(p.get(0))), headers, clock);

    wait.ifPresent(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofHours(24)));
  }

  /**
   * Parts: status selector, Retry-After, X-MBX-USED-WEIGHT-1M, X-MBX-ORDER-COUNT-10S, Date. The
   * throttle reads the answer, then the next call either waits a bounded time or is refused typed.
   */
  @FuzzTest
  void rateLimitHeaders(byte[] data) {
    List<byte[]> p = FuzzInput.parts(data, 5);
    int status = new int[] {200, 429, 418, 503}[(p.get(0).length == 0 ? 0 : p.get(0)[0] & 0xFF) % 4];
    Response response = new Response.Builder()
        .request(new Request.Builder().url("https://api.example.com/api/v3/allOrders").build())
        .protocol(Protocol.HTTP_1_1)
        .code(status)
        .message("fuzz")
        .headers(new Headers.Builder()
            .addUnsafeNonAscii("Retry-After", FuzzInput.latin1(p.get(1)))
            .addUnsafeNonAscii("X-MBX-USED-WEIGHT-1M", FuzzInput.latin1(p.get(2)))
            .addUnsafeNonAscii("X-MBX-ORDER-COUNT-10S", FuzzInput.latin1(p.get(3)))
            .addUnsafeNonAscii("Date", FuzzInput.latin1(p.get(4)))
            .build())
        .build();
    VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
    InProcessThrottle throttle = InProcessThrottle.builder(weighted()).clock(time).sleeper(time).maxWait(MAX_WAIT).build();
    ApiRequest request = ORDERS.request().build();

    throttle.onResponse(request, response);
    try {
      Duration waited = throttle.acquire(request);
      assertThat(waited).isBetween(Duration.ZERO, MAX_WAIT);
    } catch (RateLimitedException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private static LimitPreset weighted() {
    return new LimitPreset(
        "fuzz-weighted",
        List.of(
            RateLimit.fixedWindow("REQUEST_WEIGHT", 6000, Duration.ofMinutes(1)),
            RateLimit.fixedWindow("ORDERS", 100, Duration.ofSeconds(10)).countingRequests()),
        List.of(
            UsageHeader.used("X-MBX-USED-WEIGHT-1M", "REQUEST_WEIGHT/1m"),
            UsageHeader.used("X-MBX-ORDER-COUNT-10S", "ORDERS/10s")),
        "fuzz");
  }
}
