package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.testutil.FuzzInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * URL and parameter building (the Guard stage) over arbitrary caller values: a value either becomes
 * a request whose URL stays on the configured host and path shape, or an
 * {@link InvalidRequestException} before anything is sent; never another exception.
 *
 * <p>Regression inputs: {@code src/test/resources/io/tickguard/core/internal/RequestGuardFuzzTestInputs/}.
 */
class RequestGuardFuzzTest {
  private static final Set<Scope> ALL = EnumSet.allOf(Scope.class);
  private static final Endpoint CANDLES =
      Endpoint.builder("candles", HttpMethod.GET, "/v3/instruments/{instrument}/candles")
          .path(ParamSpec.required("instrument", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("granularity", ParamSpec.SYMBOL, 8))
          .query(ParamSpec.optional("count", ParamSpec.INTEGER, 4))
          .build();
  private static final Endpoint ORDER =
      Endpoint.builder("order", HttpMethod.POST, "/0/private/AddOrder")
          .scope(Scope.TRADE)
          .form(ParamSpec.required("pair", ParamSpec.SYMBOL, 20))
          .form(ParamSpec.required("volume", ParamSpec.DECIMAL, 40))
          .build();
  private final RequestGuard guard = new RequestGuard(HttpUrl.get("https://api.example.com/base/"), "tickguard-java/fuzz");

  /** Parts: path value, query name, query value, form volume, idempotency key (empty: none). */
  @FuzzTest
  void urlAndParameters(byte[] data) {
    List<String> p = FuzzInput.texts(data, 5);
    ApiRequest.Builder candles = CANDLES.request().path("instrument", p.get(0)).query(p.get(1), p.get(2));
    ApiRequest.Builder order = ORDER.request().form("pair", p.get(0)).form("volume", p.get(3));
    if (!p.get(4).isEmpty()) {
      candles.idempotencyKey(p.get(4));
      order.idempotencyKey(p.get(4));
    }

    guarded(candles.build(), 4);
    guarded(order.build(), 3);
  }

  private void guarded(ApiRequest request, int segments) {
    Request http;
    try {
      http = guard.toHttpRequest(request, ALL);
    } catch (InvalidRequestException refused) {
      assertThat(refused.field()).isNotBlank();
      return;
    }
    HttpUrl url = http.url();
    assertThat(url.host()).isEqualTo("api.example.com");
    assertThat(url.pathSegments()).hasSize(1 + segments).startsWith("base");
    assertThat(url.pathSegments()).doesNotContain("..", ".");
    assertThat(url.toString()).doesNotContain("\r", "\n", "\u0000");
    assertThat(http.headers().toString()).doesNotContain("\r", "\n\n");
  }
}
