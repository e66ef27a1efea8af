package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.ACCOUNT;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.testkit.demo.DemoSignature;
import io.tickguard.testkit.junit.Sandbox;
import org.junit.jupiter.api.Test;

/** Core's own SigningAuthenticator, configured for the demo scheme, passes the sandbox's independent check. */
@Sandbox
class CoreSignerAgainstSandboxTest {

  private static ApiCredentials demo(String key, String secret) {
    return ApiCredentials.hmac(key, Secret.of(secret.toCharArray()));
  }

  @Test
  void signedAccountAndOrderPassWithCoreSigner(ClientConfig config) {
    ApiCredentials trader = demo(SandboxServer.DEMO_API_KEY, SandboxServer.DEMO_API_SECRET)
        .withScopes(Scope.ACCOUNT_READ, Scope.TRADE);
    try (ApiClient api = ApiClient.builder(config).authenticator(DemoSignature.authenticator(trader, config.clock())).build()) {
      assertThat(api.execute(ACCOUNT.request().build(), JSON).has("balances")).isTrue();
      assertThat(api.execute(ORDER.request().form("symbol", "BTC-USDT").form("side", "BUY")
          .form("quantity", "0.01").form("price", "100").build(), JSON).isObject()).isTrue();
    }
  }

  @Test
  void wrongSecretIsRefusedWithTheCanonicalTextThatWasSigned(ClientConfig config) {
    try (ApiClient api = ApiClient.builder(config)
        .authenticator(DemoSignature.authenticator(demo(SandboxServer.DEMO_API_KEY, "not-the-secret"), config.clock())).build()) {
      assertThatThrownBy(() -> api.execute(ACCOUNT.request().build(), JSON))
          .isInstanceOfSatisfying(AuthenticationException.class,
              e -> assertThat(e.signedPayload()).hasValueSatisfying(p -> assertThat(p).contains("\nGET\n/demo/v1/account\n")))
          .hasMessageNotContaining("not-the-secret");
    }
  }

  @Test
  void readOnlyKeyCannotOrderEvenBeforeTheServerSaysSo(ClientConfig config) {
    ApiCredentials readOnly = demo(SandboxServer.READ_ONLY_API_KEY, SandboxServer.READ_ONLY_API_SECRET);
    try (ApiClient api = ApiClient.builder(config).authenticator(DemoSignature.authenticator(readOnly, config.clock())).build()) {
      assertThatThrownBy(() -> api.execute(ORDER.request().form("symbol", "BTC-USDT").form("side", "BUY")
          .form("quantity", "0.01").form("price", "100").build(), JSON))
          .isInstanceOf(PermissionDeniedException.class)
          .hasMessageContaining("Nothing was sent");
    }
  }
}
