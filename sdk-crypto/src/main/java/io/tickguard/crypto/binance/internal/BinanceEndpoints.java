package io.tickguard.crypto.binance.internal;

import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import java.util.regex.Pattern;

/**
 * Binance spot REST endpoints used by {@link BinanceClient}, with the request weights of the
 * current spot API documentation (developers.binance.com, "Spot API / REST API"). Every call counts
 * against the IP's {@code REQUEST_WEIGHT} window (6,000 per minute by default, as {@code
 * /api/v3/exchangeInfo} reports).
 */
public final class BinanceEndpoints {
  /** The limit group every endpoint counts against. */
  public static final String REQUEST_WEIGHT = "REQUEST_WEIGHT";

  private static final Pattern KLINE_INTERVAL = Pattern.compile("1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w|1M");

  /** {@code GET /api/v3/ping}: connectivity check, weight 1. */
  public static final Endpoint PING = get("ping", "/api/v3/ping").weight(1).build();

  /** {@code GET /api/v3/time}: server time, weight 1. */
  public static final Endpoint TIME = get("time", "/api/v3/time").weight(1).build();

  /** {@code GET /api/v3/exchangeInfo}: symbols and their filters, weight 20. */
  public static final Endpoint EXCHANGE_INFO =
      get("exchangeInfo", "/api/v3/exchangeInfo")
          .query(ParamSpec.optional("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("symbols", ParamSpec.LIST, 4096))
          .weight(20)
          .build();

  /**
   * {@code GET /api/v3/ticker/24hr}: rolling statistics with best bid and ask. Weight 2 for one
   * symbol or up to 20, 40 for 21-100, 80 for more or for all.
   */
  public static final Endpoint TICKER_24HR =
      get("ticker24hr", "/api/v3/ticker/24hr")
          .query(ParamSpec.optional("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("symbols", ParamSpec.LIST, 4096))
          .weight(BinanceEndpoints::tickerWeight)
          .build();

  /** {@code GET /api/v3/ticker/price}: the last price of one symbol; weight 2. */
  public static final Endpoint TICKER_PRICE =
      get("tickerPrice", "/api/v3/ticker/price")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .weight(r -> 2)
          .build();

  /** {@code GET /api/v3/depth}: order book; weight 5, 25, 50 or 250 by {@code limit}. */
  public static final Endpoint DEPTH =
      get("depth", "/api/v3/depth")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
          .weight(BinanceEndpoints::depthWeight)
          .build();

  /** {@code GET /api/v3/trades}: recent trades, weight 25. */
  public static final Endpoint TRADES =
      get("trades", "/api/v3/trades")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
          .weight(25)
          .build();

  /** {@code GET /api/v3/klines}: candles, weight 2. */
  public static final Endpoint KLINES =
      get("klines", "/api/v3/klines")
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.required("interval", KLINE_INTERVAL, 3))
          .query(ParamSpec.optional("startTime", ParamSpec.INTEGER, 19))
          .query(ParamSpec.optional("endTime", ParamSpec.INTEGER, 19))
          .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
          .weight(2)
          .build();

  /**
   * {@code GET /api/v3/account} (USER_DATA, signed): balances, weight 20. The signer adds {@code
   * timestamp} and {@code signature}; {@code recvWindow} may be given.
   */
  public static final Endpoint ACCOUNT =
      get("account", "/api/v3/account")
          .scope(Scope.ACCOUNT_READ)
          .auth(AuthMode.SIGNED)
          .query(ParamSpec.optional("omitZeroBalances", Pattern.compile("true|false"), 5))
          .query(ParamSpec.optional("recvWindow", ParamSpec.INTEGER, 5))
          .weight(20)
          .build();

  /**
   * {@code GET /sapi/v1/account/apiRestrictions} (USER_DATA, signed, weight 1): the key's own
   * permission flags, read by the start-up key permission audit. Its TickGuard scope is MARKET_DATA:
   * reading what a key may do is not account data, and a market-data-only client must be able to
   * audit its key.
   */
  public static final Endpoint API_RESTRICTIONS =
      Endpoint.builder("apiRestrictions", HttpMethod.GET, "/sapi/v1/account/apiRestrictions")
          .apiVersion("v1")
          .limits(REQUEST_WEIGHT)
          .scope(Scope.MARKET_DATA)
          .auth(AuthMode.SIGNED)
          .query(ParamSpec.optional("recvWindow", ParamSpec.INTEGER, 5))
          .weight(1)
          .build();

  private BinanceEndpoints() {}

  private static Endpoint.Builder get(String name, String path) {
    return Endpoint.builder(name, HttpMethod.GET, path).apiVersion("v3").limits(REQUEST_WEIGHT);
  }

  /** Depth weight by the requested {@code limit} (default 100). */
  public static int depthWeight(ApiRequest request) {
    int limit = request.queryValue("limit").map(BinanceEndpoints::parseOrMax).orElse(100);
    if (limit <= 100) {
      return 5;
    }
    if (limit <= 500) {
      return 25;
    }
    return limit <= 1000 ? 50 : 250;
  }

  /** 24hr ticker weight by how many symbols are asked for. */
  public static int tickerWeight(ApiRequest request) {
    if (request.queryValue("symbol").isPresent()) {
      return 2;
    }
    int count = request.queryValue("symbols").map(s -> s.split(",", -1).length).orElse(Integer.MAX_VALUE);
    if (count <= 20) {
      return 2;
    }
    return count <= 100 ? 40 : 80;
  }

  private static int parseOrMax(String s) {
    // The Guard refuses non-numeric values later; until then assume the most expensive tier.
    return s.matches("[0-9]{1,9}") ? Integer.parseInt(s) : Integer.MAX_VALUE;
  }
}
