package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.testing.LogCapture;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The pipeline end to end against a real loopback server: response mapping, caps and strictness. */
class ApiClientTest {
  static final Endpoint TICKER =
      Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .build();

  /** A tiny typed value with a decoder, as provider clients write them. */
  record Price(String symbol, BigDecimal price) {
    Price {
      if (price.signum() <= 0) {
        throw new IllegalArgumentException("price must be positive");
      }
    }
  }

  private MockWebServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    // One attempt: these tests map single answers; retries are RetryThroughApiClientTest's business.
    client = clientFor(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .resilience(io.tickguard.core.resilience.ResiliencePolicy.none()).maxResponseBytes(4096).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static ApiClient clientFor(ClientConfig config) {
    return ApiClient.builder(config).build();
  }

  private static ApiRequest ticker() {
    return TICKER.request().query("symbol", "BTCUSDT").build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private Price callPrice() {
    return client.execute(ticker(), ResponseDecoder.json(Price.class));
  }

  @Test
  void successfulResponseDecodesExactDecimalsAndSendsUserAgent() throws Exception {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"0.10000000\",\"extra\":1}"));
    Price p = callPrice();
    assertThat(p.price()).isEqualByComparingTo("0.1").hasScaleOf(8);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("User-Agent")).startsWith("tickguard-java/");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/ticker");
  }

  @Test
  void jsonNumbersStayExactBigDecimals() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":12345678901234567890.123456789012345678}"));
    assertThat(callPrice().price()).isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
  }

  @Test
  void asyncVariantCompletesWithTheSameValue() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"2\"}"));
    Price p = client.executeAsync(ticker(), ResponseDecoder.json(Price.class), v -> {}).join();
    assertThat(p.price()).isEqualByComparingTo("2");
  }

  @Test
  void badRequestKeepsProviderCodeMessageAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-42").body("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'\"}").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).contains(400);
          assertThat(e.providerCode()).contains("-1100");
          assertThat(e.details().providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("Illegal characters"));
          assertThat(e.requestId()).contains("req-42");
        })
        .hasMessageContaining("code -1100");
  }

  @Test
  void unauthorizedBecomesAuthenticationException() {
    server.enqueue(json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}"));
    assertThatThrownBy(this::callPrice).isInstanceOf(AuthenticationException.class).hasMessageContaining("-2015");
  }

  @Test
  void forbiddenBecomesPermissionDenied() {
    server.enqueue(json(403, "{}"));
    assertThatThrownBy(this::callPrice).isInstanceOf(PermissionDeniedException.class);
  }

  @Test
  void notFoundAndServerErrorsBecomeProviderExceptions() {
    server.enqueue(json(404, "{\"message\":\"no such route\"}"));
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.serverError()).isFalse());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html").body("<html>down</html>").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.serverError()).isTrue())
        .hasMessageNotContaining("<html>");
  }

  @Test
  void tooManyRequestsCarriesRetryAfterInSeconds() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
          assertThat(e.clientSide()).isFalse();
          assertThat(e.banned()).isFalse();
        });
  }

  @Test
  void tooManyRequestsCarriesRetryAfterAsHttpDate() {
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Date", "Wed, 21 Oct 2026 07:28:00 GMT")
        .addHeader("Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
  }

  @Test
  void imATeapotMeansBanned() {
    server.enqueue(new MockResponse.Builder().code(418).addHeader("Retry-After", "120").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.banned()).isTrue());
  }

  @Test
  void redirectIsNotFollowed() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://evil.example/steal").build());
    assertThatThrownBy(this::callPrice).isInstanceOf(ProviderException.class).hasMessageContaining("Redirects are not followed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void wrongContentTypeIsRefused() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body("{\"symbol\":\"X\",\"price\":1}").build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("Content-Type"));
  }

  @Test
  void oversizedBodyFailsWithoutBeingBufferedWhole() {
    // Chunked, so no Content-Length warns the client: the cap must hold while reading.
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .chunkedBody("[" + "1,".repeat(100_000) + "1]", 1024).build());
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("body"))
        .hasMessageContaining("cap of 4096 bytes");
  }

  // The status and request id of a refused answer are built only when it is refused: each path
  // that refuses a 2xx or 3xx answer must still carry them.

  @Test
  void wrongContentTypeRefusalCarriesStatusAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
        .addHeader("X-Request-Id", "req-ct").body("{}").build());
    assertThatThrownBy(this::callPrice).isInstanceOfSatisfying(InvalidResponseException.class, e -> {
      assertThat(e.httpStatus()).contains(200);
      assertThat(e.requestId()).contains("req-ct");
    });
  }

  @Test
  void oversizedBodyRefusalCarriesStatusAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "req-big").chunkedBody("[" + "1,".repeat(100_000) + "1]", 1024).build());
    assertThatThrownBy(this::callPrice).isInstanceOfSatisfying(InvalidResponseException.class, e -> {
      assertThat(e.field()).isEqualTo("body");
      assertThat(e.httpStatus()).contains(200);
      assertThat(e.requestId()).contains("req-big");
    });
  }

  @Test
  void invalidValueAndFailedValidationCarryStatusAndRequestId() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("X-Request-Id", "req-bad").body("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}").build());
    ResponseDecoder<Price> refusing = r -> {
      throw new IllegalArgumentException("price must be positive");
    };
    assertThatThrownBy(() -> client.execute(ticker(), refusing))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
          assertThat(e.httpStatus()).contains(200);
          assertThat(e.requestId()).contains("req-bad");
        })
        .hasMessageContaining("holds an invalid value");
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "APPLICATION/JSON")
        .addHeader("X-Request-Id", "req-val").body("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}").build());
    assertThatThrownBy(() -> client.execute(ticker(), ResponseDecoder.json(Price.class), p -> {
          throw new IllegalStateException("stale");
        }))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
          assertThat(e.httpStatus()).contains(200);
          assertThat(e.requestId()).contains("req-val");
        })
        .hasMessageContaining("failed validation");
  }

  @Test
  void redirectRefusalCarriesItsStatus() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "https://evil.example/steal")
        .addHeader("X-Request-Id", "req-302").build());
    assertThatThrownBy(this::callPrice).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e.httpStatus()).contains(302);
      assertThat(e.requestId()).contains("req-302");
    });
  }

  @Test
  void declaredOversizedBodyFailsBeforeReading() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"1\",\"pad\":\"" + "x".repeat(5000) + "\"}"));
    assertThatThrownBy(this::callPrice).isInstanceOf(InvalidResponseException.class).hasMessageContaining("declares");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"symbol\":\"BTCUSDT\",\"price\":\"1\"",
      "{\"symbol\":\"BTCUSDT\",\"price\":\"1\",\"price\":\"1000\"}",
      "{\"symbol\":\"BTCUSDT\",\"price\":\"1\"} {}",
      "{\"symbol\":\"BTCUSDT\",\"price\":NaN}",
      "{\"symbol\":\"BTCUSDT\",\"price\":Infinity}",
      "{'symbol':'BTCUSDT','price':1}",
      "{\"symbol\":\"BTCUSDT\",\"price\":1,}",
      "{\"symbol\":\"BTCUSDT\",\"price\":\"-3\"}",
      "{\"symbol\":\"BTCUSDT\"}",
      "[]",
      ""})
  void malformedDuplicateOrInvalidJsonBecomesInvalidResponse(String body) {
    server.enqueue(json(200, body));
    assertThatThrownBy(this::callPrice).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void duplicateKeysNestedDeepInATreeAreRefused() {
    server.enqueue(json(200, "{\"a\":[{\"b\":{\"c\":1,\"d\":2,\"e\":3,\"c\":4}}]}"));
    assertThatThrownBy(() -> client.execute(ticker(), ApiResponse::json)).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void duplicateKeysAreRefusedInTreesToo() {
    server.enqueue(json(200, "{\"a\":1,\"a\":2}"));
    assertThatThrownBy(() -> client.execute(ticker(), ApiResponse::json)).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void decodeFailureNamesTheJsonPath() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":{\"nested\":true}}"));
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("price"));
  }

  @Test
  void providerDecoderRefusalGainsStatusRequestIdAndEndpoint() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-42").body("{\"bids\":[]}").build());
    ResponseDecoder<Price> strict = r -> {
      throw new InvalidResponseException("asks", "Field asks is missing");
    };
    assertThatThrownBy(() -> client.execute(ticker(), strict))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
          assertThat(e.field()).isEqualTo("asks");
          assertThat(e.httpStatus()).contains(200);
          assertThat(e.requestId()).contains("req-42");
        })
        .hasMessage("Response of ticker: Field asks is missing");
  }

  @Test
  void validatorViolationBecomesInvalidResponse() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"5\"}"));
    assertThatThrownBy(() -> client.execute(ticker(), ResponseDecoder.json(Price.class), p -> {
          throw new InvalidResponseException("price", "price above sanity bound");
        }))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("price"));
  }

  @Test
  void truncatedBodyBecomesTransportException() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}").onResponseBody(new SocketEffect.CloseSocket()).build());
    assertThatThrownBy(this::callPrice).isInstanceOf(TransportException.class);
  }

  @Test
  void serverDrippingTheBodyIsCutOffByTheWholeCallTimeout() {
    // Each read succeeds within readTimeout, so only the whole-call bound can stop this call.
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}").throttleBody(1, 100, java.util.concurrent.TimeUnit.MILLISECONDS)
        .build());
    try (ApiClient bounded = clientFor(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofMillis(300)).build())) {
      assertThatThrownBy(() -> bounded.execute(ticker(), ResponseDecoder.json(Price.class)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("timed out");
    }
  }

  @Test
  void rateLimitInsideA200ReachesTheThrottleSoTheNextCallIsNotSent() {
    io.tickguard.core.throttle.InProcessThrottle throttle = io.tickguard.core.throttle.InProcessThrottle.builder("t")
        .limit(io.tickguard.core.throttle.RateLimit.fixedWindow("ANY", 1000, Duration.ofMinutes(1)).forEveryRequest())
        .maxWait(Duration.ZERO).build();
    ResponseDecoder<Price> envelopeAware = r -> {
      if (r.json().has("error")) {
        throw new RateLimitedException("Rate limit exceeded", ErrorDetails.none(), "API_COUNTER", Duration.ofMinutes(1), false, false);
      }
      return ResponseDecoder.json(Price.class).decode(r);
    };
    server.enqueue(json(200, "{\"error\":[\"EAPI:Rate limit exceeded\"]}"));
    try (ApiClient throttled = clientFor(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .throttle(throttle).build())) {
      assertThatThrownBy(() -> throttled.execute(ticker(), envelopeAware))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isFalse());
      assertThatThrownBy(() -> throttled.execute(ticker(), envelopeAware))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
    }
    assertThat(server.getRequestCount()).as("the second call was held back").isEqualTo(1);
  }

  @Test
  void connectionRefusedBecomesTransportExceptionThatWasNotSent() throws IOException {
    int port = server.getPort();
    server.close();
    assertThatThrownBy(this::callPrice)
        .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isFalse())
        .hasMessageContaining("Cannot connect");
    assertThat(port).isPositive();
  }

  @Test
  void treeDecodingWorksForUntypedResponses() {
    server.enqueue(json(200, "{\"serverTime\":1499827319559}"));
    JsonNode node = client.execute(ticker(), ApiResponse::json);
    assertThat(node.get("serverTime").asLong()).isEqualTo(1499827319559L);
  }

  @Test
  void auditLogHasOneEventPerAttemptWithTemplateAndStatusButNoValues() {
    server.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"2\"}"));
    try (LogCapture logs = new LogCapture()) {
      callPrice();
      var audit = logs.events().stream().filter(e -> e.getLoggerName().equals("io.tickguard.audit")).toList();
      assertThat(audit).hasSize(1);
      Map<String, Object> kv = new java.util.HashMap<>();
      audit.get(0).getKeyValuePairs().forEach(p -> kv.put(p.key, p.value));
      assertThat(kv).containsEntry("endpoint", "ticker").containsEntry("status", 200)
          .containsEntry("path", "/api/v3/ticker").containsEntry("attempt", 1).containsEntry("host", "localhost");
      assertThat(logs.text()).doesNotContain("BTCUSDT");
    }
  }

  @Test
  void bodyBufferIsNotSharedAcrossCalls() {
    server.enqueue(json(200, "{\"symbol\":\"A\",\"price\":\"1\"}"));
    server.enqueue(json(200, "{\"symbol\":\"B\",\"price\":\"2\"}"));
    assertThat(callPrice().symbol()).isEqualTo("A");
    assertThat(callPrice().symbol()).isEqualTo("B");
    assertThat(new Buffer().size()).isZero();
  }
}
