package io.tickguard.forex.oanda.internal;

import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.forex.oanda.OandaLimits;
import java.util.regex.Pattern;

/**
 * The v20 endpoints {@link io.tickguard.forex.oanda.OandaClient} calls, from OANDA's OpenAPI
 * specification (github.com/oanda/v20-openapi): every one is authenticated with the bearer token;
 * the REST ones count one request against {@link OandaLimits#REQUESTS}, the pricing stream (on the
 * streaming host) counts its connects against the stream connect limit.
 */
public final class OandaEndpoints {
  /** An account id: {@code {siteID}-{divisionID}-{userID}-{accountNumber}}. */
  static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,6}-[0-9]{1,6}-[0-9]{1,12}-[0-9]{1,6}");
  /** An instrument: base and quote delimited by {@code _}. */
  static final Pattern INSTRUMENT = Pattern.compile("[A-Z0-9]{2,10}_[A-Z0-9]{2,10}");
  /** A comma-separated list of instruments. */
  static final Pattern INSTRUMENTS = Pattern.compile("[A-Z0-9]{2,10}_[A-Z0-9]{2,10}(,[A-Z0-9]{2,10}_[A-Z0-9]{2,10}){0,199}");
  /** RFC 3339 in UTC, as {@link java.time.Instant#toString()} writes it. */
  static final Pattern TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?Z");
  static final Pattern PRICE = Pattern.compile("M|B|A|MB|MA|BA|AB|BM|AM|MBA|MAB|BMA|BAM|AMB|ABM");
  static final Pattern GRANULARITY =
      Pattern.compile("S5|S10|S15|S30|M1|M2|M4|M5|M10|M15|M30|H1|H2|H3|H4|H6|H8|H12|D|W|M");

  /** {@code GET /v3/accounts/{accountID}/summary}. */
  public static final Endpoint ACCOUNT_SUMMARY = get("accountSummary", "/v3/accounts/{accountID}/summary", Scope.ACCOUNT_READ)
      .path(ParamSpec.required("accountID", ACCOUNT, 40)).build();

  /** {@code GET /v3/accounts/{accountID}/instruments[?instruments=...]}. */
  public static final Endpoint INSTRUMENTS_LIST =
      get("accountInstruments", "/v3/accounts/{accountID}/instruments", Scope.MARKET_DATA)
          .path(ParamSpec.required("accountID", ACCOUNT, 40))
          .query(ParamSpec.optional("instruments", INSTRUMENTS, 4400)).build();

  /** {@code GET /v3/accounts/{accountID}/pricing?instruments=...}. */
  public static final Endpoint PRICING = get("pricing", "/v3/accounts/{accountID}/pricing", Scope.MARKET_DATA)
      .path(ParamSpec.required("accountID", ACCOUNT, 40))
      .query(ParamSpec.required("instruments", INSTRUMENTS, 4400)).build();

  /** {@code GET /v3/instruments/{instrument}/candles?price=&granularity=&from=&to=}. */
  public static final Endpoint CANDLES = get("candles", "/v3/instruments/{instrument}/candles", Scope.MARKET_DATA)
      .path(ParamSpec.required("instrument", INSTRUMENT, 21))
      .query(ParamSpec.required("price", PRICE, 3))
      .query(ParamSpec.required("granularity", GRANULARITY, 3))
      .query(ParamSpec.optional("from", TIME, 30))
      .query(ParamSpec.optional("to", TIME, 30))
      .query(ParamSpec.optional("count", ParamSpec.INTEGER, 4)).build();

  /**
   * {@code GET /v3/accounts/{accountID}/pricing/stream?instruments=...} on the streaming host. Its
   * connects count against the stream's connect limit (2 per second), not the REST requests.
   */
  public static final Endpoint PRICING_STREAM =
      Endpoint.builder("pricingStream", HttpMethod.GET, "/v3/accounts/{accountID}/pricing/stream")
          .auth(AuthMode.BEARER).scope(Scope.MARKET_DATA)
          .path(ParamSpec.required("accountID", ACCOUNT, 40))
          .query(ParamSpec.required("instruments", INSTRUMENTS, 4400)).build();

  private OandaEndpoints() {}

  private static Endpoint.Builder get(String name, String path, Scope scope) {
    return Endpoint.builder(name, HttpMethod.GET, path).auth(AuthMode.BEARER).scope(scope).limits(OandaLimits.REQUESTS);
  }

  /** Whether {@code account} is an account id OANDA could have issued. */
  public static boolean isAccountId(String account) {
    return account != null && ACCOUNT.matcher(account).matches();
  }
}
