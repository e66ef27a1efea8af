package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.ACCOUNT;
import static io.tickguard.testkit.testing.DemoEndpoints.DEPTH;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.testkit.junit.Sandbox;
import io.tickguard.testkit.testing.DemoSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Many connections at once: signed and public calls from parallel callers all pass, nonces stay unique. */
@Sandbox
class ConcurrencyTest {

  @Test
  void parallelCallersOnManyConnectionsAllSucceed(ClientConfig sandboxConfig) {
    // 200 TLS handshakes and calls at once on a busy 2-core machine can take far longer than the
    // default timeouts; what this test proves is that they all succeed, not how fast.
    ClientConfig config = sandboxConfig.newBuilder().connectTimeout(Duration.ofMinutes(2))
        .readTimeout(Duration.ofMinutes(2)).callTimeout(Duration.ofMinutes(5)).build();
    DemoSigner signer = new DemoSigner(SandboxServer.DEMO_API_KEY, SandboxServer.DEMO_API_SECRET, config.clock());
    try (ApiClient api = ApiClient.builder(config).authenticator(signer).build()) {
      List<CompletableFuture<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean signed = i % 2 == 0;
        calls.add(signed
            ? api.executeAsync(ACCOUNT.request().build(), JSON, v -> {}).thenApply(n -> n.has("balances"))
            : api.executeAsync(DEPTH.request().query("symbol", "ETH-USDT").query("limit", "20").build(), JSON, v -> {})
                .thenApply(n -> n.get("asks").size() == 20));
      }
      assertThat(calls).allSatisfy(c -> assertThat(c.join()).isTrue());
    }
  }
}
