package io.tickguard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.OutcomeUnknownException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.testutil.VirtualTime;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry policy inside the real pipeline (ApiClient over a loopback MockWebServer). */
class RetryThroughApiClientTest {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).limits("REQUEST_WEIGHT").build();
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/v3/order")
      .scope(Scope.TRADE).form(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).limits("REQUEST_WEIGHT").build();

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
  MockWebServer server;
  ApiClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  StandardResiliencePolicy.Builder policy() {
    // random() == 1 makes full jitter hit its ceiling, so backoff delays are exact.
    return StandardResiliencePolicy.builder().clock(time).sleeper(time).random(() -> 1.0)
        .backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  ApiClient client(ResiliencePolicy policy, RequestAuthenticator auth) {
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(time).resilience(policy)
        .throttle(InProcessThrottle.builder("test").clock(time).sleeper(time).maxWait(Duration.ofSeconds(10))
            .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1000, Duration.ofMinutes(1))).build())
        .build();
    client = ApiClient.builder(config).authenticator(auth).build();
    return client;
  }

  static MockResponse status(int code, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body("{\"code\":" + code + ",\"msg\":\"scripted\"}");
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  static ApiRequest ticker() {
    return TICKER.request().query("symbol", "BTCUSDT").build();
  }

  String get() {
    return client.execute(ticker(), r -> r.bodyText());
  }

  @Test
  void idempotentGetIsRetriedAfter503WithJitteredExponentialBackoffAndOldResponsesClosed() throws Exception {
    client(policy().maxAttempts(3).build(), RequestAuthenticator.anonymous());
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(status(200));
    assertThat(get()).contains("200");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    // Discarded responses were closed: all three attempts reused one connection.
    for (int i = 0; i < 3; i++) {
      assertThat(server.takeRequest().getConnectionIndex()).isZero();
    }
  }

  @Test
  void retryAfterInSecondsOverridesTheBackoff() {
    client(policy().build(), RequestAuthenticator.anonymous());
    server.enqueue(status(503, "Retry-After", "3"));
    server.enqueue(status(200));
    get();
    assertThat(time.sleeps()).contains(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterAsHttpDateOverridesTheBackoff() {
    client(policy().build(), RequestAuthenticator.anonymous());
    server.enqueue(status(503, "Date", "Wed, 01 May 2024 12:00:00 GMT", "Retry-After", "Wed, 01 May 2024 12:00:04 GMT"));
    server.enqueue(status(200));
    get();
    assertThat(time.sleeps()).contains(Duration.ofSeconds(4));
  }

  @Test
  void serverDelayBeyondTheTotalTimeBoundEndsRetryingWithTheServersAnswer() {
    client(policy().maxTotalTime(Duration.ofSeconds(2)).build(), RequestAuthenticator.anonymous());
    server.enqueue(status(503, "Retry-After", "30"));
    assertThatThrownBy(this::get).isInstanceOf(ProviderException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void attemptsAreBounded() {
    client(policy().maxAttempts(2).build(), RequestAuthenticator.anonymous());
    server.enqueue(status(500));
    server.enqueue(status(500));
    server.enqueue(status(200));
    assertThatThrownBy(this::get).isInstanceOf(ProviderException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void after429TheRetryWaitsForTheServerAndTheThrottlePausesToo() {
    client(policy().build(), RequestAuthenticator.anonymous());
    server.enqueue(status(429, "Retry-After", "2"));
    server.enqueue(status(200));
    assertThat(get()).contains("200");
    // The policy waited 2 s; the throttle's pause had ended by then, so it did not add to it.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 418, 422})
  void otherClientErrorsAreNeverRetried(int code) {
    client(policy().build(), RequestAuthenticator.anonymous());
    server.enqueue(status(code, "Retry-After", "1"));
    server.enqueue(status(200));
    assertThatThrownBy(this::get).isInstanceOf(TickGuardException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postWithoutIdempotencyKeyIsNotRetriedAnd5xxMeansOutcomeUnknown() {
    client(policy().build(), new CountingSigner(time));
    server.enqueue(status(503));
    server.enqueue(status(200));
    assertThatThrownBy(() -> client.execute(ORDER.request().form("symbol", "BTCUSDT").build(), r -> r.bodyText()))
        .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
          assertThat(e.outcomeUnknown()).isTrue();
          assertThat(e.status()).contains(503);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postWithoutIdempotencyKeyLosingItsConnectionAfterSendingIsOutcomeUnknown() {
    client(policy().build(), new CountingSigner(time));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    assertThatThrownBy(() -> client.execute(ORDER.request().form("symbol", "BTCUSDT").build(), r -> r.bodyText()))
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void postWithIdempotencyKeyIsRetried() {
    client(policy().build(), new CountingSigner(time));
    server.enqueue(status(503));
    server.enqueue(status(200));
    client.execute(ORDER.request().form("symbol", "BTCUSDT").idempotencyKey("k-1").build(), r -> r.bodyText());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriedSignedRequestIsSignedAgainWithAFreshTimestamp() throws Exception {
    CountingSigner signer = new CountingSigner(time);
    client(policy().maxAttempts(3).build(), signer);
    server.enqueue(status(503));
    server.enqueue(status(500));
    server.enqueue(status(200));
    client.execute(ORDER.request().form("symbol", "BTCUSDT").idempotencyKey("k-2").build(), r -> r.bodyText());
    assertThat(signer.signatures.get()).isEqualTo(3);
    List<String> timestamps = List.of(
        server.takeRequest().getHeaders().get("X-TS"),
        server.takeRequest().getHeaders().get("X-TS"),
        server.takeRequest().getHeaders().get("X-TS"));
    assertThat(timestamps).doesNotHaveDuplicates()
        .containsExactly("1714564800000", "1714564800100", "1714564800300");
  }

  @Test
  void retryBudgetStopsRetriesWhenMostCallsFail() {
    client(policy().retryBudget(0.0, 1).build(), RequestAuthenticator.anonymous());
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503));
    }
    assertThatThrownBy(this::get).isInstanceOf(ProviderException.class); // 2 attempts: the reserve of 1
    assertThatThrownBy(this::get).isInstanceOf(ProviderException.class); // budget empty: 1 attempt
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void clientSideRateLimitIsNotRetriedAndDoesNotCountAgainstTheHost() {
    StandardResiliencePolicy policy = policy().slidingWindow(2, 2).build();
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(time).resilience(policy)
        .throttle(InProcessThrottle.builder("tight").clock(time).sleeper(time).maxWait(Duration.ZERO)
            .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1, Duration.ofMinutes(1))).build())
        .build();
    client = ApiClient.builder(config).build();
    server.enqueue(status(200));
    get();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(this::get).isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(policy.circuitState("default")).isEqualTo("CLOSED");
  }

  /** Signs each attempt with the clock's time, as the real signers do, and counts signatures. */
  static final class CountingSigner implements RequestAuthenticator {
    final AtomicInteger signatures = new AtomicInteger();
    final VirtualTime time;

    CountingSigner(VirtualTime time) {
      this.time = time;
    }

    @Override
    public Set<Scope> grantedScopes() {
      return EnumSet.allOf(Scope.class);
    }

    @Override
    public Request authenticate(Request request, ApiRequest apiRequest) {
      signatures.incrementAndGet();
      long ts = time.millis();
      return request.newBuilder().header("X-TS", Long.toString(ts)).header("X-SIG", "sig-" + ts).build();
    }
  }

}
