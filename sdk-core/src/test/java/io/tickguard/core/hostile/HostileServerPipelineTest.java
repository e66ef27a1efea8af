package io.tickguard.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.CircuitOpenException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.OutcomeUnknownException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.ServiceUnavailableException;
import io.tickguard.core.TransportException;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.testutil.VirtualTime;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.tls.TlsHandshakeException;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile servers against the whole pipeline over loopback: what a write's failure may claim, errors
 * inside HTTP 200, deadlines, and the defence layers of issue 16 item 16 that no other test would
 * miss. Time is virtual wherever the product waits; nothing asserts on elapsed wall-clock time.
 */
class HostileServerPipelineTest {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).limits("W").build();
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/order")
      .form(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).limits("W").build();
  /** A parameter whose own pattern admits anything: only the Guard's general rules stand in the way. */
  static final Endpoint FREE_TEXT = Endpoint.builder("note", HttpMethod.GET, "/api/note")
      .query(ParamSpec.required("text", Pattern.compile("(?s).+"), 64)).limits("W").build();

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
  final List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
  final MetricsListener metrics = new MetricsListener() {
    @Override
    public void onAttempt(AttemptEvent event) {
      attempts.add(event);
    }
  };
  MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ClientConfig.Builder config() {
    return ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(time).metrics(metrics)
        .throttle(Throttle.unlimited());
  }

  StandardResiliencePolicy.Builder virtualPolicy() {
    return StandardResiliencePolicy.builder().clock(time).sleeper(time);
  }

  static MockResponse json(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  static ApiRequest ticker() {
    return TICKER.request().query("symbol", "BTCUSDT").build();
  }

  static ApiRequest order() {
    return ORDER.request().form("symbol", "BTCUSDT").build();
  }

  /** Kraken-style envelope: an {@code error} array inside HTTP 200. */
  static final ResponseDecoder<String> ENVELOPE = r -> {
    String body = r.bodyText();
    ErrorDetails details = ErrorDetails.ofStatus(r.status(), null);
    if (body.contains("EService:Unavailable")) {
      throw new ServiceUnavailableException("service unavailable", details.withProviderError("EService:Unavailable", null));
    }
    if (body.contains("EAPI:Rate limit exceeded")) {
      throw new RateLimitedException("rate limited in the body", details, "W", Duration.ofSeconds(1), false, false);
    }
    return body;
  };

  static Stream<Arguments> everyPolicy() {
    return Stream.of(
        Arguments.of("default", UnaryOperator.<ClientConfig.Builder>identity()),
        Arguments.of("none", (UnaryOperator<ClientConfig.Builder>) b -> b.resilience(ResiliencePolicy.none())),
        Arguments.of("standard", (UnaryOperator<ClientConfig.Builder>) b -> b.resilience(
            StandardResiliencePolicy.builder().build())));
  }

  // ---- item 2: outcome unknown holds for every policy ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPolicy")
  void writeAnsweredWith5xxIsOutcomeUnknownUnderEveryPolicy(String name, UnaryOperator<ClientConfig.Builder> policy) {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{}"));
    try (ApiClient api = ApiClient.builder(policy.apply(config()).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(OutcomeUnknownException.class, e -> {
            assertThat(e.outcomeUnknown()).isTrue();
            assertThat(e.status()).contains(503);
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPolicy")
  void writeWhoseConnectionDiesAfterSendingIsOutcomeUnknownUnderEveryPolicy(
      String name, UnaryOperator<ClientConfig.Builder> policy) {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    try (ApiClient api = ApiClient.builder(policy.apply(config()).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPolicy")
  void writeToAServerThatIsDownSaysNothingWasSent(String name, UnaryOperator<ClientConfig.Builder> policy)
      throws IOException {
    String url = server.url("/").toString();
    server.close();
    try (ApiClient api = ApiClient.builder(policy.apply(config().baseUrl(url)).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e).isNotInstanceOf(OutcomeUnknownException.class);
            assertThat(e.outcomeUnknown()).isFalse();
          });
    }
  }

  // ---- item 11: safe retries by default, none() opts out ----

  @Test
  void theDefaultPolicyRetriesAnIdempotentCallThatHiccupsTwice() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(502, "{}"));
    server.enqueue(json(200, "{\"ok\":true}"));
    try (ApiClient api = ApiClient.builder(config().build()).build()) {
      assertThat(api.execute(ticker(), ApiResponse::bodyText)).contains("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void noneIsAnExplicitOptOutOfRetries() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{}"));
    try (ApiClient api = ApiClient.builder(config().resilience(ResiliencePolicy.none()).build()).build()) {
      assertThatThrownBy(() -> api.execute(ticker(), ApiResponse::bodyText)).isInstanceOf(ProviderException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theDefaultBreakerOpensOnAHostThatKeepsFailing() {
    for (int i = 0; i < 40; i++) {
      server.enqueue(json(500, "{}"));
    }
    try (ApiClient api = ApiClient.builder(config().resilience(virtualPolicy().build()).build()).build()) {
      assertThatThrownBy(() -> {
        for (int i = 0; i < 40; i++) {
          assertThatThrownBy(() -> api.execute(ticker(), ApiResponse::bodyText)).isInstanceOf(ProviderException.class);
        }
      }).isInstanceOf(AssertionError.class).hasStackTraceContaining("CircuitOpenException");
    }
    assertThat(server.getRequestCount()).isLessThan(40);
  }

  // ---- item 10: errors inside HTTP 200 are seen inside the attempt ----

  @Test
  void serviceUnavailableInsideA200IsRetriedAndAuditedAsAFailure() {
    server.enqueue(json(200, "{\"error\":[\"EService:Unavailable\"]}"));
    server.enqueue(json(200, "{\"error\":[],\"result\":1}"));
    try (ApiClient api = ApiClient.builder(config().resilience(virtualPolicy().build()).build()).build()) {
      assertThat(api.execute(ticker(), ENVELOPE)).contains("result");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).status()).isEqualTo(200);
    assertThat(attempts.get(0).failure()).contains("ServiceUnavailableException");
    assertThat(attempts.get(1).failure()).isEmpty();
  }

  @Test
  void serviceUnavailableInsideA200CountsAgainstTheHostsBreaker() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"error\":[\"EService:Unavailable\"]}"));
    }
    StandardResiliencePolicy policy = virtualPolicy().maxAttempts(1).slidingWindow(2, 2).failureRateThreshold(50).build();
    try (ApiClient api = ApiClient.builder(config().resilience(policy).build()).build()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> api.execute(ticker(), ENVELOPE)).isInstanceOf(ServiceUnavailableException.class);
      }
      assertThatThrownBy(() -> api.execute(ticker(), ENVELOPE)).isInstanceOf(CircuitOpenException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rateLimitInsideA200IsRetriedAfterItsDelay() {
    server.enqueue(json(200, "{\"error\":[\"EAPI:Rate limit exceeded\"]}"));
    server.enqueue(json(200, "{\"error\":[],\"result\":1}"));
    try (ApiClient api = ApiClient.builder(config().resilience(virtualPolicy().build()).build()).build()) {
      assertThat(api.execute(ticker(), ENVELOPE)).contains("result");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).contains(Duration.ofSeconds(1));
    assertThat(attempts.get(0).failure()).contains("RateLimitedException");
  }

  @Test
  void serviceUnavailableInsideA200ToAWriteIsNotRetriedAndKeepsTheProvidersAnswer() {
    server.enqueue(json(200, "{\"error\":[\"EService:Unavailable\"]}"));
    try (ApiClient api = ApiClient.builder(config().resilience(virtualPolicy().build()).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ENVELOPE)).isInstanceOfSatisfying(
          ServiceUnavailableException.class, e -> assertThat(e.providerCode()).contains("EService:Unavailable"));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- item 6: callTimeout bounds waits ----

  @Test
  void retryAfterLongerThanTheCallTimeoutIsNotSleptThrough() {
    server.enqueue(json(503, "{}", "Retry-After", "5"));
    server.enqueue(json(200, "{}"));
    try (ApiClient api = ApiClient.builder(config().callTimeout(Duration.ofSeconds(2))
        .resilience(virtualPolicy().build()).build()).build()) {
      assertThatThrownBy(() -> api.execute(ticker(), ApiResponse::bodyText)).isInstanceOf(ProviderException.class);
    }
    assertThat(time.sleeps()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void throttleWaitLongerThanTheCallTimeoutIsRefusedUpFrontWithoutSpendingAPermit() {
    // An hour's window (virtual time) against a one-minute call timeout (real time): the wait the
    // throttle would need is far beyond any call's deadline, however slow a loaded machine is.
    InProcessThrottle throttle = InProcessThrottle.builder("t").clock(time).sleeper(time).maxWait(Duration.ofHours(2))
        .limit(RateLimit.fixedWindow("W", 1, Duration.ofHours(1))).build();
    for (int i = 0; i < 2; i++) {
      server.enqueue(json(200, "{}"));
    }
    try (ApiClient api = ApiClient.builder(config().throttle(throttle).callTimeout(Duration.ofMinutes(1))
        .resilience(ResiliencePolicy.none()).build()).build()) {
      api.execute(ticker(), ApiResponse::bodyText); // spends the window's one permit
      assertThatThrownBy(() -> api.execute(ticker(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
      assertThat(time.sleeps()).isEmpty();
      time.advance(Duration.ofHours(1));
      // Had the refused call taken the next window's permit, this one would have to wait for it.
      api.execute(ticker(), ApiResponse::bodyText);
      assertThat(time.sleeps()).isEmpty();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  // ---- item 16: layers no other test would miss ----

  @Test
  void aRedirectToTheSameSchemeAndHostIsNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", server.url("/elsewhere").toString()).build());
    server.enqueue(json(200, "{\"followed\":true}"));
    try (ApiClient api = ApiClient.builder(config().resilience(ResiliencePolicy.none()).build()).build()) {
      assertThatThrownBy(() -> api.execute(ticker(), ApiResponse::bodyText))
          .isInstanceOf(ProviderException.class).hasMessageContaining("Redirects are not followed");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aWriteLosingAPooledConnectionAfterItWasSentIsNeverResentByOkHttp() {
    server.enqueue(json(200, "{}")); // a read leaves a pooled connection that has served once
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"resent\":true}"));
    try (ApiClient api = ApiClient.builder(config().resilience(ResiliencePolicy.none()).build()).build()) {
      api.execute(ticker(), ApiResponse::bodyText);
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aControlCharacterThatTheParametersPatternAdmitsIsRefusedBeforeSending() {
    try (ApiClient api = ApiClient.builder(config().build()).build()) {
      assertThatThrownBy(() -> api.execute(FREE_TEXT.request().query("text", "a\r\nX-Injected: 1").build(),
          ApiResponse::bodyText)).hasMessageContaining("control character");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aDotDotThatTheParametersPatternAdmitsIsRefusedBeforeSending() {
    try (ApiClient api = ApiClient.builder(config().build()).build()) {
      assertThatThrownBy(() -> api.execute(FREE_TEXT.request().query("text", "../../admin").build(),
          ApiResponse::bodyText)).hasMessageContaining("must not contain '..'");
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
