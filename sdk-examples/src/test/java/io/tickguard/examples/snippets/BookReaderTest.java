package io.tickguard.examples.snippets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.junit.Sandbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

// docs/sandbox.md's JUnit quick start, run as written.
// tag::junit[]
@Sandbox(seed = 7)                       // one sandbox per test class
class BookReaderTest {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/demo/v1/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).build();

  SandboxServer sandbox;                 // injected (non-final fields; static ones before @BeforeAll)

  @Test
  void readsTheTicker(ClientConfig config, MutableClock clock) { // base URL, trust = its CA only, pinned leaf
    try (ApiClient api = ApiClient.builder(config).build()) {
      JsonNode ticker = api.execute(TICKER.request().query("symbol", "GBP-USD").build(), ApiResponse::json);
      assertTrue(ticker.get("time").asLong() == clock.millis()); // the sandbox runs on the injected clock
    }
  }
}
// end::junit[]
