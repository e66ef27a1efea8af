package io.tickguard.testkit.testing;

import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import tools.jackson.databind.JsonNode;

/** The demo routes as a client declares them: read from docs/sandbox.md, not from the server code. */
public final class DemoEndpoints {
  public static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/demo/v1/time").build();
  public static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/demo/v1/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).build();
  public static final Endpoint DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/demo/v1/depth")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4)).build();
  public static final Endpoint CANDLES = Endpoint.builder("candles", HttpMethod.GET, "/demo/v1/candles")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .query(ParamSpec.required("interval", ParamSpec.WORD, 3))
      .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4)).build();
  public static final Endpoint ACCOUNT = Endpoint.builder("account", HttpMethod.GET, "/demo/v1/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.SIGNED).build();
  public static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/demo/v1/order")
      .scope(Scope.TRADE).auth(AuthMode.SIGNED)
      .form(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .form(ParamSpec.required("side", ParamSpec.WORD, 4))
      .form(ParamSpec.required("quantity", ParamSpec.DECIMAL, 30))
      .form(ParamSpec.required("price", ParamSpec.DECIMAL, 30)).build();
  public static final Endpoint OAUTH_ACCOUNT = Endpoint.builder("oauthAccount", HttpMethod.GET, "/demo/v1/oauth/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.BEARER).build();

  /** Decodes any JSON body as a tree. */
  public static final ResponseDecoder<JsonNode> JSON = response -> response.json();

  private DemoEndpoints() {}
}
