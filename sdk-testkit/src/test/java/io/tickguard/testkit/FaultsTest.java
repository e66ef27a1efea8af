package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.TICKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import io.tickguard.testkit.junit.Sandbox;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every fault kind produces the typed exception the client promises, and nothing partial. */
@Sandbox(seed = 3)
class FaultsTest {
  private static final String TICKER_ROUTE = "GET /demo/v1/ticker";

  SandboxServer sandbox;
  ClientConfig config;

  @AfterEach
  void clearFaults() {
    sandbox.faults().clear();
  }

  /** Calls the ticker on a fresh client (fresh connection), returning what came back, if anything. */
  private JsonNode ticker(ClientConfig c) {
    // The injected config is shared by every test of the class, and with it the default policy's
    // per-host breaker: a fault test must not open the breaker for the next test.
    ClientConfig own = c.resilience() == config.resilience()
        ? c.newBuilder().resilience(io.tickguard.core.resilience.StandardResiliencePolicy.builder().build()).build() : c;
    try (ApiClient api = ApiClient.builder(own).build()) {
      return api.execute(TICKER.request().query("symbol", "BTC-USDT").build(), JSON);
    }
  }

  private <E extends TickGuardException> E failsWith(Class<E> type, ClientConfig c) {
    AtomicReference<JsonNode> partial = new AtomicReference<>();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> partial.set(ticker(c)));
    assertThat(partial.get()).as("nothing partial is returned").isNull();
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }

  @Test
  void withoutFaultsTheCallSucceeds() {
    assertThat(ticker(config).get("symbol").asString()).isEqualTo("BTC-USDT");
  }

  @Test
  void serverErrorBurstBecomesProviderExceptionThenClears() {
    ClientConfig once = config.newBuilder().resilience(ResiliencePolicy.none()).build();
    sandbox.faults().next(2, Fault.status(503));
    assertThat(failsWith(ProviderException.class, once).serverError()).isTrue();
    assertThat(failsWith(ProviderException.class, once).httpStatus()).contains(503);
    assertThat(sandbox.faults().pending()).isZero();
    assertThat(ticker(once).has("bid")).isTrue();
  }

  @Test
  void theProviderHiccupingTwiceIsAbsorbedByTheDefaultPolicy() {
    sandbox.faults().next(2, Fault.status(503)); // the README's example
    assertThat(ticker(config).has("bid")).isTrue();
    assertThat(sandbox.faults().pending()).isZero();
  }

  @Test
  void injectedRateLimitCarriesRetryAfter() {
    sandbox.faults().next(1, Fault.rateLimited(Duration.ofSeconds(7)));
    RateLimitedException e = failsWith(RateLimitedException.class,
        config.newBuilder().resilience(ResiliencePolicy.none()).build());
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.clientSide()).isFalse();
  }

  @Test
  void latencyBeyondTheReadTimeoutBecomesTransportException() {
    sandbox.faults().onRoute(TICKER_ROUTE, Fault.latency(Duration.ofMillis(1500)));
    ClientConfig impatient = config.newBuilder().readTimeout(Duration.ofMillis(300)).build();
    failsWith(TransportException.class, impatient);
  }

  @Test
  void latencyWithinTheTimeoutStillAnswers() {
    sandbox.faults().next(1, Fault.latency(Duration.ofMillis(50)));
    assertThat(ticker(config).has("ask")).isTrue();
  }

  @Test
  void connectionResetBecomesTransportException() {
    // Route-scoped and unlimited: OkHttp may retry an idempotent GET once on a fresh connection.
    sandbox.faults().onRoute(TICKER_ROUTE, Fault.connectionReset());
    failsWith(TransportException.class, config);
  }

  @Test
  void truncatedBodyBecomesTransportException() {
    sandbox.faults().onRoute(TICKER_ROUTE, Fault.truncatedBody());
    failsWith(TransportException.class, config);
  }

  @Test
  void malformedJsonBecomesInvalidResponse() {
    sandbox.faults().next(1, Fault.malformedJson());
    failsWith(InvalidResponseException.class, config);
  }

  @Test
  void oversizedBodyIsRefusedBeforeBeingRead() {
    sandbox.faults().next(1, Fault.oversizedBody(5L * 1024 * 1024));
    assertThat(failsWith(InvalidResponseException.class, config)).hasMessageContaining("cap");
  }

  @Test
  void wrongContentTypeBecomesInvalidResponse() {
    sandbox.faults().next(1, Fault.wrongContentType("text/html; charset=utf-8"));
    assertThat(failsWith(InvalidResponseException.class, config).field()).isEqualTo("Content-Type");
  }

  @Test
  void expiredTokenFaultBecomesAuthenticationException() {
    sandbox.faults().onRoute(TICKER_ROUTE, 1, Fault.expiredToken());
    AuthenticationException e = failsWith(AuthenticationException.class, config);
    assertThat(e.providerCode()).contains("invalid_token");
  }

  @Test
  void routeFaultsLeaveOtherRoutesAlone() {
    sandbox.faults().onRoute("GET /demo/v1/depth", Fault.status(500));
    assertThat(ticker(config).has("last")).isTrue();
  }

  @Test
  void impostorCertificateFromTheTrustedCaFailsThePin() {
    sandbox.faults().serve(ServedCertificate.IMPOSTOR);
    CertificatePinningException e = failsWith(CertificatePinningException.class, config);
    assertThat(e.presentedPins()).doesNotContain(sandbox.pin());
  }

  @Test
  void untrustedCertificateFailsTheHandshake() {
    sandbox.faults().serve(ServedCertificate.UNTRUSTED);
    failsWith(TransportException.class, config);
  }

  @Test
  void genuineCertificateIsServedAgainAfterClear() {
    sandbox.faults().serve(ServedCertificate.IMPOSTOR).clear();
    assertThat(ticker(config).has("bid")).isTrue();
  }
}
