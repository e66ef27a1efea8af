package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.time.TimeSample;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A provider that refuses timestamps outside its window (Binance -1021): the client resynchronises
 * its server clock and retries the refused call once, with a fresh signature.
 */
class ClockSkewRetryTest {
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/api/v3/time").build();
  private static final Endpoint ACCOUNT = Endpoint.builder("account", HttpMethod.GET, "/api/v3/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.SIGNED).build();
  private static final long WINDOW_MILLIS = 1000;

  /** The server's clock runs {@code skew} ms ahead of the machine's. */
  private final AtomicLong skew = new AtomicLong();
  private final AtomicInteger timeCalls = new AtomicInteger();
  private final AtomicInteger accountCalls = new AtomicInteger();
  private MockWebServer server;

  private final ErrorDecoder binanceErrors = (response, details) -> {
    ErrorDetails full = ErrorDecoder.withGenericProviderError(response, details);
    if ("-1021".equals(full.providerCode().orElse(null))) {
      return new ClockSkewException("Timestamp outside the provider's recvWindow", full);
    }
    return ErrorDecoder.forStatus(response, full);
  };

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        long serverNow = System.currentTimeMillis() + skew.get();
        if (request.getUrl().encodedPath().equals("/api/v3/time")) {
          timeCalls.incrementAndGet();
          return json(200, "{\"serverTime\":" + serverNow + "}");
        }
        accountCalls.incrementAndGet();
        long timestamp = Long.parseLong(request.getUrl().queryParameter("timestamp"));
        if (Math.abs(serverNow - timestamp) > WINDOW_MILLIS) {
          return json(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
        }
        return json(200, "{\"balances\":[]}");
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private ApiClient clientWith(boolean withServerClock) {
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).build();
    AtomicReference<ApiClient> self = new AtomicReference<>();
    Clock local = Clock.systemUTC();
    ServerClock clock = ServerClock.builder(local).samplesPerSync(1).sampler(() -> {
      Instant sent = local.instant();
      long serverTime = self.get().execute(TIME.request().build(), r -> r.json().get("serverTime").asLong());
      return new TimeSample(sent, Instant.ofEpochMilli(serverTime), local.instant());
    }).build();
    SigningAuthenticator auth = SigningAuthenticator.builder()
        .credentials(ApiCredentials.hmac("test-key", Secret.of("test-secret".toCharArray())))
        .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
        .placement(AttachRule.builder().apiKeyHeader("X-MBX-APIKEY").timestampQueryParameter("timestamp")
            .signatureQueryParameter("signature").build())
        .serverClock(clock)
        .build();
    ApiClient.Builder builder = ApiClient.builder(config).authenticator(auth).errorDecoder(binanceErrors);
    if (withServerClock) {
      builder.serverClock(clock);
    }
    self.set(builder.build());
    return self.get();
  }

  @Test
  void rejectedTimestampResyncsTheClockAndRetriesOnceWithAFreshSignature() {
    try (ApiClient api = clientWith(true)) {
      api.execute(ACCOUNT.request().build(), ApiResponse::json); // first signed call syncs the clock
      assertThat(timeCalls).hasValue(1);

      skew.set(30_000); // the provider's clock jumps 30 s ahead
      api.execute(ACCOUNT.request().build(), ApiResponse::json);

      assertThat(timeCalls).as("one resync").hasValue(2);
      assertThat(accountCalls).as("first call, refused call, retried call").hasValue(3);
    }
  }

  @Test
  void withoutAServerClockTheSkewReachesTheCallerTyped() {
    try (ApiClient api = clientWith(false)) {
      api.execute(ACCOUNT.request().build(), ApiResponse::json);
      skew.set(30_000);
      assertThatThrownBy(() -> api.execute(ACCOUNT.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(ClockSkewException.class, e -> assertThat(e.providerCode()).contains("-1021"));
      assertThat(accountCalls).hasValue(2);
    }
  }

  @Test
  void secondRejectionIsNotRetriedAgain() {
    try (ApiClient api = clientWith(true)) {
      api.execute(ACCOUNT.request().build(), ApiResponse::json);
      // A server whose clock keeps jumping: the resync cannot help, so the call fails after one retry.
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          if (request.getUrl().encodedPath().equals("/api/v3/time")) {
            timeCalls.incrementAndGet();
            return json(200, "{\"serverTime\":" + (System.currentTimeMillis() - 60_000 * timeCalls.get()) + "}");
          }
          accountCalls.incrementAndGet();
          return json(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
        }
      });
      int before = accountCalls.get();
      assertThatThrownBy(() -> api.execute(ACCOUNT.request().build(), ApiResponse::json))
          .isInstanceOf(ClockSkewException.class);
      assertThat(accountCalls.get() - before).isEqualTo(2);
    }
  }
}
