package io.tickguard.crypto.coinbase.internal;

import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import java.util.regex.Pattern;

/**
 * Coinbase Advanced Trade REST endpoints used by {@link CoinbaseClient}. Coinbase counts requests,
 * not weights: public market routes share a per-IP budget (10 per second documented), private
 * routes a per-key budget (30 per second); every call weighs 1.
 */
public final class CoinbaseEndpoints {
  /** Limit group of the public market routes. */
  public static final String PUBLIC = "PUBLIC";
  /** Limit group of the authenticated routes. */
  public static final String PRIVATE = "PRIVATE";

  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Z0-9]{1,20}-[A-Z0-9]{1,20}");
  private static final Pattern GRANULARITY =
      Pattern.compile("ONE_MINUTE|FIVE_MINUTE|FIFTEEN_MINUTE|THIRTY_MINUTE|ONE_HOUR|TWO_HOUR|FOUR_HOUR|SIX_HOUR|ONE_DAY");

  /** {@code GET /api/v3/brokerage/time}. */
  public static final Endpoint TIME = publicGet("time", "/api/v3/brokerage/time").build();

  /** {@code GET /api/v3/brokerage/market/products}: every product. */
  public static final Endpoint PRODUCTS =
      publicGet("products", "/api/v3/brokerage/market/products")
          .query(ParamSpec.optional("product_type", Pattern.compile("SPOT|FUTURE"), 6))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 5))
          .query(ParamSpec.optional("offset", ParamSpec.INTEGER, 9))
          .build();

  /** {@code GET /api/v3/brokerage/market/products/{product_id}}: one product. */
  public static final Endpoint PRODUCT =
      publicGet("product", "/api/v3/brokerage/market/products/{product_id}")
          .path(ParamSpec.required("product_id", PRODUCT_ID, 41))
          .build();

  /** {@code GET /api/v3/brokerage/market/product_book}: order book. */
  public static final Endpoint PRODUCT_BOOK =
      publicGet("productBook", "/api/v3/brokerage/market/product_book")
          .query(ParamSpec.required("product_id", PRODUCT_ID, 41))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 5))
          .build();

  /** {@code GET /api/v3/brokerage/market/products/{product_id}/ticker}: recent trades plus best bid and ask. */
  public static final Endpoint MARKET_TRADES =
      publicGet("marketTrades", "/api/v3/brokerage/market/products/{product_id}/ticker")
          .path(ParamSpec.required("product_id", PRODUCT_ID, 41))
          .query(ParamSpec.required("limit", ParamSpec.INTEGER, 4))
          .build();

  /** {@code GET /api/v3/brokerage/market/products/{product_id}/candles}: at most 350 candles a call. */
  public static final Endpoint CANDLES =
      publicGet("candles", "/api/v3/brokerage/market/products/{product_id}/candles")
          .path(ParamSpec.required("product_id", PRODUCT_ID, 41))
          .query(ParamSpec.required("start", ParamSpec.INTEGER, 12))
          .query(ParamSpec.required("end", ParamSpec.INTEGER, 12))
          .query(ParamSpec.required("granularity", GRANULARITY, 14))
          .build();

  /**
   * {@code GET /api/v3/brokerage/key_permissions} ("Get API Key Permissions"): the CDP key's own
   * {@code can_view}/{@code can_trade}/{@code can_transfer}, read by the start-up key permission
   * audit. Its TickGuard scope is MARKET_DATA: any key must be able to audit itself.
   */
  public static final Endpoint KEY_PERMISSIONS =
      Endpoint.builder("keyPermissions", HttpMethod.GET, "/api/v3/brokerage/key_permissions")
          .apiVersion("v3")
          .scope(Scope.MARKET_DATA)
          .auth(AuthMode.BEARER)
          .limits(PRIVATE)
          .weight(1)
          .build();

  /** {@code GET /api/v3/brokerage/accounts}: balances, paged by {@code cursor}; JWT bearer. */
  public static final Endpoint ACCOUNTS =
      Endpoint.builder("accounts", HttpMethod.GET, "/api/v3/brokerage/accounts")
          .apiVersion("v3")
          .scope(Scope.ACCOUNT_READ)
          .auth(AuthMode.BEARER)
          .limits(PRIVATE)
          .weight(1)
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 3))
          .query(ParamSpec.optional("cursor", Pattern.compile("[A-Za-z0-9_=+/-]{1,200}"), 200))
          .build();

  private CoinbaseEndpoints() {}

  private static Endpoint.Builder publicGet(String name, String path) {
    return Endpoint.builder(name, HttpMethod.GET, path).apiVersion("v3").limits(PUBLIC).weight(1);
  }
}
