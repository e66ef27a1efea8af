package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A request's path variables are its own, unmodifiable copy, in the order given, with or without any. */
class ApiRequestPathParamsTest {
  private static final Endpoint CANDLES = Endpoint.builder("candles", HttpMethod.GET, "/v3/{instrument}/candles/{granularity}")
      .path(ParamSpec.required("instrument", ParamSpec.SYMBOL, 20))
      .path(ParamSpec.required("granularity", ParamSpec.SYMBOL, 5))
      .build();
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/api/v3/time").build();

  @Test
  void pathVariablesAreAnUnmodifiableCopyInTheOrderGiven() {
    ApiRequest.Builder builder = CANDLES.request().path("granularity", "M1").path("instrument", "EUR_USD");
    ApiRequest request = builder.build();
    builder.path("instrument", "GBP_USD");

    assertThat(request.pathParams()).containsExactly(
        java.util.Map.entry("granularity", "M1"), java.util.Map.entry("instrument", "EUR_USD"));
    assertThatThrownBy(() -> request.pathParams().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRequestWithoutPathVariablesHasAnEmptyUnmodifiableMapThatLaterBuilderCallsDoNotReach() {
    ApiRequest.Builder builder = TIME.request();
    ApiRequest request = builder.build();
    builder.path("late", "value");

    assertThat(request.pathParams()).isEmpty();
    assertThatThrownBy(() -> request.pathParams().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }
}
