package io.tickguard.examples.snippets;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.demo.DemoSignature;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** docs/sandbox.md's plain-Java snippets, compiled; SnippetsTest keeps them equal to the page. */
@SuppressWarnings("unused")
final class SandboxSnippets {
  private SandboxSnippets() {}

  static void plainJava(MutableClock clock) {
    // tag::plain-java[]
    try (SandboxServer sandbox = SandboxServer.builder().seed(7).clock(clock).start();
         ApiClient api = ApiClient.builder(sandbox.clientConfigBuilder().clock(clock).build()).build()) {
      JsonNode ticker = api.execute(BookReaderTest.TICKER.request().query("symbol", "GBP-USD").build(), ApiResponse::json);
    }
    // end::plain-java[]
  }

  static ApiClient signed(SandboxServer sandbox) {
    // tag::demo-signature[]
    ApiCredentials key = ApiCredentials.hmac(SandboxServer.DEMO_API_KEY,
        Secret.of(SandboxServer.DEMO_API_SECRET.toCharArray())).withScopes(Scope.ACCOUNT_READ, Scope.TRADE);
    ApiClient api = ApiClient.builder(sandbox.clientConfig())
        .authenticator(DemoSignature.authenticator(key)).build();
    // end::demo-signature[]
    return api;
  }

  static void faults(SandboxServer sandbox) {
    // tag::faults[]
    sandbox.faults().next(3, Fault.status(503));                                    // the next 3 calls, any route
    sandbox.faults().onRoute("GET /demo/v1/depth", Fault.latency(Duration.ofSeconds(2))); // until cleared
    sandbox.faults().onRoute("GET /demo/v1/ticker", 1, Fault.truncatedBody());     // once on that route
    sandbox.faults().clockSkew(Duration.ofMinutes(-2));
    sandbox.faults().serve(ServedCertificate.IMPOSTOR);
    // end::faults[]
  }
}
