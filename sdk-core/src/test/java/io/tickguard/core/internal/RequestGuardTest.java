package io.tickguard.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestGuardTest {
  private static final Set<Scope> PUBLIC = EnumSet.of(Scope.MARKET_DATA);
  private static final Endpoint DEPTH =
      Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
          .build();
  private static final Endpoint CANDLES =
      Endpoint.builder("candles", HttpMethod.GET, "/v3/instruments/{instrument}/candles")
          .path(ParamSpec.required("instrument", ParamSpec.SYMBOL, 20))
          .build();
  private static final Endpoint ACCOUNT =
      Endpoint.builder("account", HttpMethod.GET, "/api/v3/account")
          .scope(Scope.ACCOUNT_READ)
          .auth(AuthMode.SIGNED)
          .build();
  private static final Endpoint ORDER =
      Endpoint.builder("order", HttpMethod.POST, "/0/private/AddOrder")
          .scope(Scope.TRADE)
          .form(ParamSpec.required("pair", ParamSpec.SYMBOL, 20))
          .form(ParamSpec.required("volume", ParamSpec.DECIMAL, 40))
          .build();

  private final RequestGuard guard =
      new RequestGuard(HttpUrl.get("https://api.example.com/base/"), "tickguard-java/test");

  @Test
  void validRequestBecomesEncodedUrlWithHeadersAndTag() {
    ApiRequest req = DEPTH.request().query("symbol", "BTCUSDT").query("limit", "100").build();
    Request http = guard.toHttpRequest(req, PUBLIC);
    assertThat(http.url().toString()).isEqualTo("https://api.example.com/base/api/v3/depth?symbol=BTCUSDT&limit=100");
    assertThat(http.header("User-Agent")).isEqualTo("tickguard-java/test");
    assertThat(http.tag(ApiRequest.class)).isSameAs(req);
  }

  @Test
  void aBuilderStartedElsewhereKeepsItsTagsAndLosesItsUrlMethodAndHeaders() {
    ApiRequest req = DEPTH.request().query("symbol", "BTCUSDT").build();
    Request.Builder seed = new Request.Builder().url("https://elsewhere.example/x").header("X-Seed", "1")
        .post(okhttp3.RequestBody.create(new byte[] {1}, null)).tag(String.class, "the call's own tag");

    Request http = guard.toHttpRequestBuilder(req, PUBLIC, seed).build();

    assertThat(http.url().toString()).isEqualTo("https://api.example.com/base/api/v3/depth?symbol=BTCUSDT");
    assertThat(http.method()).isEqualTo("GET");
    assertThat(http.body()).isNull();
    assertThat(http.headers().names()).containsExactlyInAnyOrder("User-Agent", "Accept");
    assertThat(http.tag(String.class)).isEqualTo("the call's own tag");
    assertThat(http.tag(ApiRequest.class)).isNull(); // the caller's tags only: it tags what it needs
  }

  @Test
  void aPathWithoutVariablesBuiltOnceGivesEveryCallTheSameUrlAndItsOwnQueryAndHeaders() {
    for (String symbol : List.of("BTCUSDT", "ETHBTC", "BTCUSDT")) {
      Request http = guard.toHttpRequest(DEPTH.request().query("symbol", symbol).build(), PUBLIC);
      assertThat(http.url().toString()).isEqualTo("https://api.example.com/base/api/v3/depth?symbol=" + symbol);
      assertThat(http.headers("User-Agent")).containsExactly("tickguard-java/test");
      assertThat(http.headers("Accept")).containsExactly("application/json");
    }
    RequestGuard atRoot = new RequestGuard(HttpUrl.get("https://api.example.com/"), "tickguard-java/test");
    Endpoint odd = Endpoint.builder("odd", HttpMethod.GET, "/a b/é/x%y/").build();
    for (int i = 0; i < 2; i++) {
      assertThat(atRoot.toHttpRequest(odd.request().build(), PUBLIC).url().encodedPath())
          .isEqualTo(HttpUrl.get("https://api.example.com/").newBuilder()
              .addPathSegment("a b").addPathSegment("é").addPathSegment("x%y").addPathSegment("").build().encodedPath());
    }
  }

  @Test
  void aRepeatedQueryGetsItsUrlAgainAndAChangedOneANewUrlWhileEveryCallIsStillChecked() {
    Request first = guard.toHttpRequest(DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5").build(), PUBLIC);
    Request again = guard.toHttpRequest(DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5").build(), PUBLIC);
    assertThat(again.url()).isSameAs(first.url());

    Request other = guard.toHttpRequest(DEPTH.request().query("limit", "5").query("symbol", "BTCUSDT").build(), PUBLIC);
    assertThat(other.url().toString()).isEqualTo("https://api.example.com/base/api/v3/depth?limit=5&symbol=BTCUSDT");
    Request back = guard.toHttpRequest(DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5").build(), PUBLIC);
    assertThat(back.url().toString()).isEqualTo("https://api.example.com/base/api/v3/depth?symbol=BTCUSDT&limit=5");

    assertThatThrownBy(() -> guard.toHttpRequest(
        DEPTH.request().query("symbol", "BTCUSDT").query("limit", "5").query("limit", "5").build(), PUBLIC))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> guard.toHttpRequest(DEPTH.request().query("symbol", "BTC\nUSDT").build(), PUBLIC))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void pathVariableIsPercentEncodedIntoOneSegment() {
    Request http = guard.toHttpRequest(CANDLES.request().path("instrument", "EUR_USD").build(), PUBLIC);
    assertThat(http.url().encodedPath()).isEqualTo("/base/v3/instruments/EUR_USD/candles");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC\r\nX-Injected: 1", "BTC\nUSDT", "BTC\u0000", "BTC%00", "..", "../admin", "BTC USDT", "<script>"})
  void injectionAttemptsInQueryAreRefusedNamingTheParameter(String value) {
    ApiRequest req = DEPTH.request().query("symbol", value).build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("symbol"))
        .hasMessageContaining("'symbol'")
        // the value is never echoed ('..' is too short to tell apart from the rule's own text)
        .satisfies(e -> assertThat(value.length() <= 2 || !e.getMessage().contains(value)).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b", "a\\b", "%2e%2e", "EUR%00", "EUR\r\n"})
  void traversalAndEncodedTricksInPathVariablesAreRefused(String value) {
    ApiRequest req = CANDLES.request().path("instrument", value).build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("instrument"));
  }

  @Test
  void tenKilobyteValueIsRefusedByLengthWithoutEchoingIt() {
    String huge = "A".repeat(10_240);
    ApiRequest req = DEPTH.request().query("symbol", huge).build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("10240 characters long; the limit is 20")
        .hasMessageNotContaining("AAAAAAAAAA");
  }

  @Test
  void undeclaredParameterIsRefusedAndAllowedOnesAreListed() {
    ApiRequest req = DEPTH.request().query("symbol", "BTCUSDT").query("callback", "x").build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("does not accept query parameter 'callback'")
        .hasMessageContaining("it accepts [symbol, limit]"); // in the order the endpoint declares them
  }

  @Test
  void theAllowedParametersAreListedInDeclarationOrderWhateverTheirNumber() {
    Endpoint.Builder wide = Endpoint.builder("wide", HttpMethod.GET, "/api/v3/wide");
    List<String> names = List.of("zeta", "alpha", "mid", "beta", "omega", "gamma", "delta");
    names.forEach(n -> wide.query(ParamSpec.optional(n, ParamSpec.SYMBOL, 10)));
    Endpoint endpoint = wide.build();

    assertThat(endpoint.queryParams().keySet()).containsExactlyElementsOf(names);
    assertThatThrownBy(() -> guard.toHttpRequest(endpoint.request().query("x", "1").build(), PUBLIC))
        .hasMessageContaining("it accepts " + names);
  }

  @Test
  void missingRequiredAndDuplicatedParametersAreRefused() {
    assertThatThrownBy(() -> guard.toHttpRequest(DEPTH.request().build(), PUBLIC))
        .hasMessageContaining("'symbol' of endpoint 'depth' is required");
    ApiRequest twice = DEPTH.request().query("symbol", "BTCUSDT").query("symbol", "ETHUSDT").build();
    assertThatThrownBy(() -> guard.toHttpRequest(twice, PUBLIC)).hasMessageContaining("given twice");
  }

  @Test
  void valueBreakingThePatternIsRefused() {
    ApiRequest req = DEPTH.request().query("symbol", "BTCUSDT").query("limit", "-5").build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'limit'")
        .hasMessageContaining("pattern");
  }

  @Test
  void missingScopeIsRefusedBeforeAnyIoNamingTheScope() {
    assertThatThrownBy(() -> guard.toHttpRequest(ACCOUNT.request().build(), PUBLIC))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("needs scope ACCOUNT_READ")
        .hasMessageContaining("Nothing was sent");
  }

  @Test
  void readOnlyCredentialsCannotTrade() {
    ApiRequest order = ORDER.request().form("pair", "XBTUSD").form("volume", "1.25").build();
    assertThatThrownBy(() -> guard.toHttpRequest(order, EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ)))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("TRADE");
  }

  @Test
  void formParametersAreValidatedAndEncodedIntoTheBody() throws Exception {
    ApiRequest order = ORDER.request().form("pair", "XBT/USD").form("volume", "1.25").build();
    Request http = guard.toHttpRequest(order, EnumSet.allOf(Scope.class));
    Buffer body = new Buffer();
    http.body().writeTo(body);
    assertThat(body.readUtf8()).isEqualTo("pair=XBT%2FUSD&volume=1.25");
    ApiRequest bad = ORDER.request().form("pair", "XBTUSD").form("volume", "1e5").build();
    assertThatThrownBy(() -> guard.toHttpRequest(bad, EnumSet.allOf(Scope.class)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("'volume'");
  }

  @Test
  void getEndpointRefusesABody() {
    ApiRequest req = DEPTH.request().query("symbol", "BTCUSDT").jsonBody("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, PUBLIC)).hasMessageContaining("takes no body");
  }

  @Test
  void idempotencyKeyWithLineBreakIsRefused() {
    ApiRequest req = ORDER.request().form("pair", "XBTUSD").form("volume", "1").idempotencyKey("k\r\nX: y").build();
    assertThatThrownBy(() -> guard.toHttpRequest(req, EnumSet.allOf(Scope.class)))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("idempotencyKey"));
  }

  @Test
  void endpointWithUndeclaredPathVariableCannotBeBuilt() {
    assertThatThrownBy(() -> Endpoint.builder("x", HttpMethod.GET, "/a/{id}").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("path"))
        .hasMessageContaining("[id]");
  }
}
