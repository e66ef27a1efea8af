package io.tickguard.crypto.kraken.internal;

import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import java.util.regex.Pattern;

/**
 * Kraken spot REST endpoints used by {@link KrakenClient}. Public calls count one against the
 * per-IP public limit (Kraken documents about one call per second); private calls count one against
 * the account's decaying API counter (Balance costs 1). The limit group names are those of {@link
 * io.tickguard.crypto.kraken.KrakenLimits#spot}, so the default throttle applies to them.
 */
public final class KrakenEndpoints {
  /** Limit group of public market data. */
  public static final String PUBLIC = "PUBLIC";
  /** Limit group of the private API counter (decaying, per key; its maximum depends on the tier). */
  public static final String API_COUNTER = "API_COUNTER";

  private static final Pattern PAIRS = Pattern.compile("[A-Za-z0-9./]{1,40}(,[A-Za-z0-9./]{1,40}){0,99}");
  private static final Pattern OHLC_MINUTES = Pattern.compile("1|5|15|30|60|240|1440|10080|21600");

  /** {@code GET /0/public/Time}. */
  public static final Endpoint TIME = publicGet("time", "/0/public/Time").build();

  /** {@code GET /0/public/AssetPairs}: pairs and their trading rules. */
  public static final Endpoint ASSET_PAIRS =
      publicGet("assetPairs", "/0/public/AssetPairs").query(ParamSpec.optional("pair", PAIRS, 4096)).build();

  /** {@code GET /0/public/Ticker}: one or more comma-separated pairs. */
  public static final Endpoint TICKER =
      publicGet("ticker", "/0/public/Ticker").query(ParamSpec.required("pair", PAIRS, 4096)).build();

  /** {@code GET /0/public/Depth}: order book, {@code count} 1-500. */
  public static final Endpoint DEPTH =
      publicGet("depth", "/0/public/Depth")
          .query(ParamSpec.required("pair", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("count", ParamSpec.INTEGER, 3))
          .build();

  /** {@code GET /0/public/Trades}: recent trades, {@code count} 1-1000. */
  public static final Endpoint TRADES =
      publicGet("trades", "/0/public/Trades")
          .query(ParamSpec.required("pair", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("since", ParamSpec.INTEGER, 19))
          .query(ParamSpec.optional("count", ParamSpec.INTEGER, 4))
          .build();

  /** {@code GET /0/public/OHLC}: candles, {@code interval} in minutes, up to 720 per call. */
  public static final Endpoint OHLC =
      publicGet("ohlc", "/0/public/OHLC")
          .query(ParamSpec.required("pair", ParamSpec.SYMBOL, 20))
          .query(ParamSpec.optional("interval", OHLC_MINUTES, 5))
          .query(ParamSpec.optional("since", ParamSpec.INTEGER, 19))
          .build();

  /**
   * {@code POST /0/private/Balance}: signed; the signer adds the {@code nonce} form field and the
   * {@code API-Key}/{@code API-Sign} headers.
   */
  public static final Endpoint BALANCE =
      Endpoint.builder("balance", HttpMethod.POST, "/0/private/Balance")
          .apiVersion("0")
          .scope(Scope.ACCOUNT_READ)
          .auth(AuthMode.SIGNED)
          // A read: replaying it is safe even though it is a POST (a fresh nonce is signed per attempt).
          .idempotent(true)
          .form(ParamSpec.optional("nonce", ParamSpec.INTEGER, 19))
          .limits(API_COUNTER)
          .weight(1)
          .build();

  private KrakenEndpoints() {}

  private static Endpoint.Builder publicGet(String name, String path) {
    return Endpoint.builder(name, HttpMethod.GET, path).apiVersion("0").limits(PUBLIC).weight(1);
  }
}
