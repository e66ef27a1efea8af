package io.tickguard.forex.saxo;

import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import java.util.regex.Pattern;

/**
 * The Saxo OpenAPI endpoints {@link SaxoClient} calls, each counted against its service group's
 * session limit ({@link SaxoLimits#openApi()}). Paths are relative to {@link SaxoUrls#rest()},
 * except {@link #AUTHORIZE_STREAM}, relative to {@link SaxoUrls#streaming()}.
 */
final class SaxoEndpoints {
  private SaxoEndpoints() {}

  private static final Pattern UICS = Pattern.compile("[0-9]{1,10}(,[0-9]{1,10}){0,999}");
  private static final Pattern UIC = Pattern.compile("[0-9]{1,10}");
  private static final Pattern FX_SPOT = Pattern.compile("FxSpot");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,50}");
  private static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z");
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,4}");
  private static final Pattern KEYWORDS = Pattern.compile("[A-Za-z0-9 ./-]{1,50}");

  /** {@code GET trade/v1/infoprices/list}: prices of FX spot Uics. */
  static final Endpoint INFO_PRICES = Endpoint.builder("saxo.infoprices", HttpMethod.GET, "/trade/v1/infoprices/list")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.TRADE)
      .query(ParamSpec.required("AssetType", FX_SPOT, 6))
      .query(ParamSpec.required("Uics", UICS, 11_000))
      .query(ParamSpec.optional("FieldGroups", Pattern.compile("[A-Za-z,]{1,100}"), 100))
      .build();

  /** {@code GET chart/v3/charts}: bid and ask OHLC samples of one Uic. */
  static final Endpoint CHARTS = Endpoint.builder("saxo.charts", HttpMethod.GET, "/chart/v3/charts")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.CHART)
      .query(ParamSpec.required("AssetType", FX_SPOT, 6))
      .query(ParamSpec.required("Uic", UIC, 10))
      .query(ParamSpec.required("Horizon", Pattern.compile("[0-9]{1,5}"), 5))
      .query(ParamSpec.required("Mode", Pattern.compile("From|UpTo"), 4))
      .query(ParamSpec.required("Time", TIME, 30))
      .query(ParamSpec.required("Count", COUNT, 4))
      .build();

  /** {@code GET ref/v1/instruments}: instrument search by keywords. */
  static final Endpoint INSTRUMENTS = Endpoint.builder("saxo.instruments", HttpMethod.GET, "/ref/v1/instruments")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.REF)
      .query(ParamSpec.required("AssetTypes", FX_SPOT, 6))
      .query(ParamSpec.required("Keywords", KEYWORDS, 50))
      .build();

  /** {@code GET ref/v1/instruments/details}: instrument details (formats, sizes), paged. */
  static final Endpoint INSTRUMENT_DETAILS = Endpoint.builder("saxo.instrument-details", HttpMethod.GET, "/ref/v1/instruments/details")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.REF)
      .query(ParamSpec.required("AssetTypes", FX_SPOT, 6))
      .query(ParamSpec.optional("Uics", UICS, 11_000))
      .query(ParamSpec.optional("$top", COUNT, 4))
      .query(ParamSpec.optional("$skip", Pattern.compile("[0-9]{1,7}"), 7))
      .build();

  /** {@code POST trade/v1/infoprices/subscriptions}: an InfoPrice subscription on a streaming context. */
  static final Endpoint SUBSCRIBE = Endpoint.builder("saxo.infoprices.subscribe", HttpMethod.POST, "/trade/v1/infoprices/subscriptions")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.TRADE)
      .idempotent(false)
      .build();

  /** {@code DELETE trade/v1/infoprices/subscriptions/{ContextId}/{ReferenceId}}. */
  static final Endpoint UNSUBSCRIBE = Endpoint.builder("saxo.infoprices.unsubscribe", HttpMethod.DELETE,
          "/trade/v1/infoprices/subscriptions/{ContextId}/{ReferenceId}")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.TRADE)
      .path(ParamSpec.required("ContextId", ID, 50))
      .path(ParamSpec.required("ReferenceId", ID, 50))
      .build();

  /** {@code PUT streaming/ws/authorize?contextid=}: hands a streaming connection the new token. */
  static final Endpoint AUTHORIZE_STREAM = Endpoint.builder("saxo.streaming.authorize", HttpMethod.PUT, "/streaming/ws/authorize")
      .auth(AuthMode.BEARER)
      .limits(SaxoLimits.STREAMING)
      .query(ParamSpec.required("contextid", ID, 50))
      .build();
}
