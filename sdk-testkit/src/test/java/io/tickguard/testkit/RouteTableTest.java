package io.tickguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.internal.FaultPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Routing, method refusal, template variables, handler failures and the order faults are taken in. */
class RouteTableTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final RouteTable table = new RouteTable(new RateLimiter(RateLimitPolicy.defaults(), clock), ErrorStyle.generic());

  private static SandboxRequest request(String method, String path) {
    return new SandboxRequest(method, HttpUrl.get("https://127.0.0.1:1" + path), Headers.of(), new byte[0], "r-1", "127.0.0.1");
  }

  @Test
  void templatesBindVariablesAndUnknownRoutesAre404Or405() {
    table.on("GET", "/orders/{id}").handle(r -> SandboxResponse.json(200, "{\"id\":\"" + r.pathVariable("id").orElseThrow() + "\"}"));
    assertThat(table.dispatch(request("GET", "/orders/42")).bodyText()).isEqualTo("{\"id\":\"42\"}");
    assertThat(table.dispatch(request("GET", "/orders/")).status()).isEqualTo(404);
    assertThat(table.dispatch(request("GET", "/nothing")).status()).isEqualTo(404);
    SandboxResponse wrongMethod = table.dispatch(request("DELETE", "/orders/42"));
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers()).containsEntry("Allow", "GET");
  }

  @Test
  void handlerFailuresBecomeProviderStyleErrorsAndUsageIsReported() {
    table.on("GET", "/bad").weight(3).handle(r -> {
      throw new IllegalArgumentException("limit must be 1..1000");
    });
    table.on("GET", "/broken").handle(r -> {
      throw new IllegalStateException("bug");
    });
    SandboxResponse bad = table.dispatch(request("GET", "/bad"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.bodyText()).contains("BAD_PARAMETER").contains("limit must be");
    assertThat(bad.headers()).containsEntry("X-TG-USED-WEIGHT-1M", "3");
    assertThat(table.dispatch(request("GET", "/broken")).status()).isEqualTo(500);
  }

  @Test
  void nextRulesGoFirstThenRouteRulesAndCountsRunOut() {
    FaultPlan plan = new FaultPlan();
    plan.add("GET /a", FaultPlan.UNLIMITED, Fault.status(500));
    plan.add(null, 1, Fault.status(503));
    assertThat(plan.take("GET /a")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(503));
    assertThat(plan.take("GET /a")).hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(500));
    assertThat(plan.take("GET /b")).isEmpty();
    assertThat(plan.pending()).isZero();
  }
}
