package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.internal.pipeline.Attempt;
import io.tickguard.core.internal.pipeline.CallContext;
import io.tickguard.core.internal.pipeline.StageTrace;
import io.tickguard.core.testutil.LoopbackTls;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.time.TimeSample;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signed call observed at each stage, in order, over TLS: Guard first (nothing is encoded before
 * it), the provider-clock resync as a separate, complete pipeline call before the attempt (never
 * inside Sign), Response outside Resilience, Auth/Observe/Throttle per attempt,
 * then on the connection the throttle's send-time check, Sign last.
 */
class StageOrderTest {
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/api/v3/time").build();
  private static final Endpoint ACCOUNT = Endpoint.builder("account", HttpMethod.GET, "/api/v3/account/{id}")
      .path(ParamSpec.required("id", ParamSpec.WORD, 10))
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.SIGNED).build();

  private final LoopbackTls tls = new LoopbackTls();
  private final List<String> trace = new CopyOnWriteArrayList<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = tls.startServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        seen.add(path + (request.getUrl().queryParameter("signature") != null ? " signed" : ""));
        String body = path.equals("/api/v3/time") ? "{\"serverTime\":" + System.currentTimeMillis() + "}" : "{}";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
      }
    });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Records "endpoint: >Stage" on entry (with the attempt number inside Resilience) and "<Stage" on leaving. */
  private final StageTrace recorder = new StageTrace() {
    @Override
    public void entered(String stage, Request request) {
      ApiRequest api = request.tag(ApiRequest.class);
      // The attempt in progress, as the stages inside Resilience read it; none outside it.
      CallContext call = request.tag(CallContext.class);
      Attempt attempt = call == null ? null : call.lastAttempt().orElse(null);
      trace.add(api.endpoint().name() + ": >" + stage + (attempt == null ? "" : "#" + attempt.number())
          + " " + request.url().encodedPath()
          + (request.url().queryParameter("signature") != null ? " signed" : ""));
    }

    @Override
    public void left(String stage, Throwable failure) {
      trace.add("<" + stage + (failure == null ? "" : " " + failure.getClass().getSimpleName()));
    }
  };

  @Test
  void aSignedCallMeetsEveryStageInOrderAndTheClockResyncIsASeparateCallBeforeTheAttempt() {
    AtomicReference<ApiClient> self = new AtomicReference<>();
    Clock local = Clock.systemUTC();
    ServerClock clock = ServerClock.builder(local).samplesPerSync(1).sampler(() -> {
      Instant sent = local.instant();
      long serverTime = self.get().execute(TIME.request().build(), r -> r.json().get("serverTime").asLong());
      return new TimeSample(sent, Instant.ofEpochMilli(serverTime), local.instant());
    }).build();
    SigningAuthenticator auth = SigningAuthenticator.builder()
        .credentials(ApiCredentials.hmac("test-key", Secret.of("test-secret".toCharArray())).withScopes(Scope.ACCOUNT_READ))
        .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
        .placement(AttachRule.builder().apiKeyHeader("X-MBX-APIKEY").timestampQueryParameter("timestamp")
            .signatureQueryParameter("signature").build())
        .serverClock(clock)
        .build();
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).tls(tls.trustingRoot().build()).build();
    try (ApiClient api = ApiClient.builder(config).authenticator(auth).serverClock(clock).stageTrace(recorder).build()) {
      self.set(api);
      api.execute(ACCOUNT.request().path("id", "A1").build(), ApiResponse::json);
    }

    List<String> timeCall = List.of(
        "time: >Guard /", "time: >ClockSync /api/v3/time", "time: >Response /api/v3/time",
        "time: >Resilience /api/v3/time", "time: >Auth#1 /api/v3/time", "time: >Observe#1 /api/v3/time",
        "time: >Decode#1 /api/v3/time", "time: >Throttle#1 /api/v3/time", "time: >Timeouts#1 /api/v3/time",
        "time: >SendCheck#1 /api/v3/time", "time: >SocketTimeout#1 /api/v3/time", "time: >Sign#1 /api/v3/time",
        "<Sign", "<SocketTimeout", "<SendCheck", "<Timeouts", "<Throttle", "<Decode", "<Observe", "<Auth", "<Resilience", "<Response", "<ClockSync", "<Guard");
    List<String> expected = new java.util.ArrayList<>();
    expected.add("account: >Guard /");
    expected.add("account: >ClockSync /api/v3/account/A1");
    expected.addAll(timeCall); // the resync: a whole call of its own, before the attempt, outside Sign
    expected.addAll(List.of(
        "account: >Response /api/v3/account/A1", "account: >Resilience /api/v3/account/A1",
        "account: >Auth#1 /api/v3/account/A1", "account: >Observe#1 /api/v3/account/A1",
        "account: >Decode#1 /api/v3/account/A1", "account: >Throttle#1 /api/v3/account/A1",
        "account: >Timeouts#1 /api/v3/account/A1", "account: >SendCheck#1 /api/v3/account/A1",
        "account: >SocketTimeout#1 /api/v3/account/A1", "account: >Sign#1 /api/v3/account/A1",
        "<Sign", "<SocketTimeout", "<SendCheck", "<Timeouts", "<Throttle", "<Decode", "<Observe", "<Auth", "<Resilience", "<Response", "<ClockSync", "<Guard"));
    assertThat(trace).containsExactlyElementsOf(expected);
    // No stage before the network saw a signature; the server received the signed request.
    assertThat(seen).containsExactly("/api/v3/time", "/api/v3/account/A1 signed");
  }
}
