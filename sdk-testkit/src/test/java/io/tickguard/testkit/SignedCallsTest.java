package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.ACCOUNT;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.testing.DemoSigner;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo HMAC scheme through core's ApiClient over pinned TLS: what passes and what is refused. */
class SignedCallsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private SandboxServer sandbox;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private DemoSigner signer() {
    return new DemoSigner(SandboxServer.DEMO_API_KEY, SandboxServer.DEMO_API_SECRET, clock);
  }

  private JsonNode call(DemoSigner signer) {
    try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).authenticator(signer).build()) {
      return api.execute(ACCOUNT.request().build(), JSON);
    }
  }

  @Test
  void validSignedCallsPassOverPinnedTls() {
    assertThat(sandbox.clientConfig().baseUrl().isHttps()).isTrue();
    JsonNode account = call(signer());
    assertThat(account.get("balances").size()).isEqualTo(2);
    assertThat(account.get("canTrade").asBoolean()).isTrue();
  }

  @Test
  void signedFormPostPassesAndIsValidatedAgainstTickAndLot() {
    try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).authenticator(signer()).build()) {
      JsonNode order = api.execute(ORDER.request().form("symbol", "BTC-USDT").form("side", "BUY")
          .form("quantity", "0.00100").form("price", "65000.01").build(), JSON);
      assertThat(order.get("status").asString()).isEqualTo("NEW");
      assertThatThrownBy(() -> api.execute(ORDER.request().form("symbol", "BTC-USDT").form("side", "BUY")
          .form("quantity", "0.000001").form("price", "65000.01").build(), JSON))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.providerCode()).contains("BAD_PARAMETER"));
    }
  }

  @Test
  void tamperedSignatureIsRefusedWithTheSignedPayloadExplained() {
    assertThatThrownBy(() -> call(signer().tamper(true)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.providerCode()).contains("INVALID_SIGNATURE");
          assertThat(e.httpStatus()).contains(401);
          assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("sbx-"));
        });
  }

  @Test
  void staleTimestampIsRefused() {
    assertThatThrownBy(() -> call(signer().clockOffset(Duration.ofSeconds(-6))))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.providerCode()).contains("TIMESTAMP_OUTSIDE_WINDOW"));
  }

  @Test
  void futureTimestampIsRefused() {
    assertThatThrownBy(() -> call(signer().clockOffset(Duration.ofSeconds(6))))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.providerCode()).contains("TIMESTAMP_OUTSIDE_WINDOW"));
  }

  @Test
  void reusedNonceIsRefused() {
    DemoSigner replaying = signer().fixedNonce("once");
    call(replaying);
    assertThatThrownBy(() -> call(replaying))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("NONCE_REUSED"));
  }

  @Test
  void forgedRequestDoesNotBurnTheNonce() {
    assertThatThrownBy(() -> call(signer().fixedNonce("precious").tamper(true)))
        .isInstanceOf(AuthenticationException.class);
    assertThat(call(signer().fixedNonce("precious")).has("balances")).isTrue();
  }

  @Test
  void missingScopeIsRefusedByTheServerEvenWhenTheClientClaimsIt() {
    DemoSigner readOnlyKeyClaimingTrade =
        new DemoSigner(SandboxServer.READ_ONLY_API_KEY, SandboxServer.READ_ONLY_API_SECRET, clock, Scope.values());
    try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).authenticator(readOnlyKeyClaimingTrade).build()) {
      assertThatThrownBy(() -> api.execute(ORDER.request().form("symbol", "BTC-USDT").form("side", "SELL")
          .form("quantity", "0.001").form("price", "65000").build(), JSON))
          .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
            assertThat(e.providerCode()).contains("MISSING_SCOPE");
            assertThat(e.httpStatus()).contains(403);
          });
    }
  }

  @Test
  void unknownAndRevokedKeysAreRefused() {
    assertThatThrownBy(() -> call(new DemoSigner("nobody", "x", clock)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("UNKNOWN_API_KEY"));
    sandbox.context().apiKeys().revoke(SandboxServer.DEMO_API_KEY);
    assertThatThrownBy(() -> call(signer()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("UNKNOWN_API_KEY"));
  }

  @Test
  void serverClockSkewMakesFreshTimestampsStale() {
    sandbox.faults().clockSkew(Duration.ofMinutes(2));
    assertThatThrownBy(() -> call(signer()))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.providerCode()).contains("TIMESTAMP_OUTSIDE_WINDOW"));
    sandbox.faults().clear();
    assertThat(call(signer()).has("balances")).isTrue();
  }
}
