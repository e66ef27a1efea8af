package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.testutil.LoopbackTls;
import io.tickguard.core.tls.TlsConfig;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ApiClient#close()} promises, over TLS on loopback: a call in flight finishes and leaves
 * no connection behind; anything started later is refused, typed, with nothing sent.
 */
class ApiClientCloseTest {
  private static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker").build();
  private static final Endpoint ACCOUNT = Endpoint.builder("account", HttpMethod.GET, "/api/v3/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.BEARER).build();

  private final LoopbackTls tls = new LoopbackTls();
  /** Counted down when the server holds a request; the server answers once {@link #release} opens. */
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  /** The status every answer has; a 200 is held until {@link #release}. */
  private volatile int status = 200;
  private MockWebServer server;
  private ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = tls.startServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (status == 200) {
          held.countDown();
          release.await();
        }
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
            .body(status == 200 ? "{\"price\":\"1.5\"}" : "{\"error\":\"invalid_token\"}").build();
      }
    });
    client = ApiClient.builder(config()).build();
  }

  private ClientConfig config() {
    TlsConfig trust = tls.trustingRoot().build();
    return ClientConfig.builder(server.url("/").toString()).tls(trust).resilience(ResiliencePolicy.none()).build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    client.close();
    server.close();
  }

  @Test
  void aCallInFlightWhenTheClientClosesFinishesAndLeavesNoConnectionInThePool() throws Exception {
    CompletableFuture<JsonNode> inFlight = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        inFlight.complete(client.execute(TICKER.request().build(), ApiResponse::json));
      } catch (RuntimeException e) {
        inFlight.completeExceptionally(e);
      }
    });
    caller.start();
    assertThat(held.await(1, TimeUnit.MINUTES)).as("the request reached the server").isTrue();

    client.close(); // the connection is in use: close() cannot evict it
    release.countDown();
    caller.join();

    assertThat(inFlight.get().get("price").asString()).isEqualTo("1.5");
    // Without the last call out evicting again, the connection would idle here for OkHttp's 5-minute keep-alive.
    assertThat(client.httpClient().connectionPool().connectionCount()).isZero();
  }

  /**
   * A stage that throws while it holds the answer leaves the body, and with it the connection, open
   * where no pool eviction reaches: here the token refresh after a 401 fails (the chaos suite's
   * revoked token family). The pipeline closes what the failed call still holds.
   */
  @Test
  void aRefreshThatFailsAfterA401LeavesNoConnectionBehind() {
    status = 401;
    ApiClient refusing = ApiClient.builder(config()).authenticator(new RequestAuthenticator() {
      @Override
      public Set<Scope> grantedScopes() {
        return Set.of(Scope.ACCOUNT_READ);
      }

      @Override
      public Request authenticate(Request request, ApiRequest apiRequest) {
        return request.newBuilder().header("Authorization", "Bearer revoked").build();
      }

      @Override
      public boolean refreshAfterUnauthorized(Request rejected) {
        throw new AuthenticationException("the token endpoint refused the refresh token (invalid_grant)");
      }
    }).build();

    assertThatThrownBy(() -> refusing.execute(ACCOUNT.request().build(), ApiResponse::json))
        .isInstanceOf(AuthenticationException.class);
    refusing.close();

    assertThat(refusing.httpClient().connectionPool().connectionCount()).as("connections left after close()").isZero();
  }

  @Test
  void aResponseObserverThatThrowsLeavesNoConnectionBehind() {
    status = 503;
    ApiClient observed = ApiClient.builder(config()).responseObserver((request, response) -> {
      throw new IllegalStateException("an observer's own bug");
    }).build();

    assertThatThrownBy(() -> observed.execute(TICKER.request().build(), ApiResponse::json))
        .hasMessageContaining("an observer's own bug");
    observed.close();

    assertThat(observed.httpClient().connectionPool().connectionCount()).as("connections left after close()").isZero();
  }

  @Test
  void aCallAfterCloseIsRefusedTypedWithNothingSent() {
    client.close();

    assertThatThrownBy(() -> client.execute(TICKER.request().build(), ApiResponse::json))
        .isInstanceOfSatisfying(ClientClosedException.class, e -> {
          assertThat(e.use()).isEqualTo("call ticker");
          assertThat(e).hasMessageContaining("nothing was sent").hasMessageContaining("Build a new client");
        });
    assertThat(server.getRequestCount()).isZero();
    assertThat(client.httpClient().connectionPool().connectionCount()).isZero();
  }

  @Test
  void anAsyncCallAfterCloseFailsItsFutureTypedInsteadOfThrowingTheExecutorsRejection() {
    client.close();

    CompletableFuture<JsonNode> f = client.executeAsync(TICKER.request().build(), ApiResponse::json,
        io.tickguard.core.validate.Validator.none());

    assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(ClientClosedException.class, e -> assertThat(e.use()).isEqualTo("async call ticker"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aStreamOpenedAfterCloseIsRefusedTypedWithNothingSent() {
    client.close();
    StreamProtocol<String> echo = (message, emitter) -> emitter.event(message);
    StreamSpec<String> spec =
        StreamSpec.webSocket(Endpoint.builder("trades", HttpMethod.GET, "/ws").build().request().build(), echo).build();

    assertThatThrownBy(() -> client.openStream(spec))
        .isInstanceOfSatisfying(ClientClosedException.class, e -> assertThat(e.use()).isEqualTo("stream trades"));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingTwiceIsHarmless() {
    client.close();
    client.close();

    assertThatThrownBy(() -> client.execute(TICKER.request().build(), ApiResponse::json))
        .isInstanceOf(ClientClosedException.class);
  }
}
