package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A request's path variables and form are its own, unmodifiable copies, in the order given, with or
 * without any (the builder makes neither collection until one is given); {@code newBuilder} carries
 * every part over.
 */
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

  private static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/v3/{account}/order")
      .path(ParamSpec.required("account", ParamSpec.SYMBOL, 20))
      .form(ParamSpec.required("side", ParamSpec.SYMBOL, 4))
      .build();

  @Test
  void formIsAnUnmodifiableCopyAndEmptyWhenNoneWasGiven() {
    ApiRequest.Builder builder = ORDER.request().path("account", "A1").form("side", "BUY").form("side", "SELL");
    ApiRequest request = builder.build();
    builder.form("late", "value");
    ApiRequest bare = TIME.request().build();

    assertThat(request.form()).containsExactly(new ApiRequest.Param("side", "BUY"), new ApiRequest.Param("side", "SELL"));
    assertThatThrownBy(() -> request.form().add(new ApiRequest.Param("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(bare.form()).isEmpty();
    assertThat(bare.query()).isEmpty();
  }

  @Test
  void newBuilderCarriesPathFormQueryAndKeyOverWithoutSharingThem() {
    ApiRequest original = ORDER.request().path("account", "A1").query("q", "1").form("side", "BUY")
        .idempotencyKey("k-1").build();
    ApiRequest copy = original.newBuilder().path("account", "A2").form("side", "SELL").build();

    assertThat(copy.pathParams()).containsExactly(java.util.Map.entry("account", "A2"));
    assertThat(copy.form()).extracting(ApiRequest.Param::value).containsExactly("BUY", "SELL");
    assertThat(copy.query()).containsExactly(new ApiRequest.Param("q", "1"));
    assertThat(copy.idempotencyKey()).contains("k-1");
    assertThat(original.pathParams()).containsExactly(java.util.Map.entry("account", "A1"));
    assertThat(original.form()).extracting(ApiRequest.Param::value).containsExactly("BUY");
  }

  @Test
  void aJsonBodyAndAFormAreRefusedTogetherButEachAloneIsFine() {
    assertThatThrownBy(() -> ORDER.request().form("side", "BUY").jsonBody(new byte[] {'{', '}'}).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("either a JSON body or form parameters");
    assertThat(ORDER.request().jsonBody(new byte[] {'{', '}'}).build().form()).isEmpty();
  }

  @Test
  void aMissingValueIsRefusedNamingItsParameter() {
    assertThatThrownBy(() -> TIME.request().query("symbol", (String) null))
        .isInstanceOf(NullPointerException.class).hasMessage("value of symbol");
  }
}
