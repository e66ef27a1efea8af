package io.tickguard.testkit.junit;

import static io.tickguard.testkit.testing.DemoEndpoints.DEPTH;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.testkit.SandboxServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Plain-HTTP mode for clients that cannot trust a custom CA; loopback only, by opt-in. */
@Sandbox(plaintext = true)
class PlaintextSandboxTest {

  @Test
  void plainModeServesTheSameRoutesOverLoopbackHttp(SandboxServer sandbox, ClientConfig config) {
    assertThat(sandbox.isTls()).isFalse();
    assertThat(config.baseUrl().isHttps()).isFalse();
    try (ApiClient api = ApiClient.builder(config).build()) {
      JsonNode book = api.execute(DEPTH.request().query("symbol", "BTC-USDT").query("limit", "5").build(), JSON);
      assertThat(book.get("bids").size()).isEqualTo(5);
    }
  }
}
