package io.tickguard.crypto.binance.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.internal.BinanceEndpoints;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.crypto.internal.Levels;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.core.JsonToken;

/**
 * The default {@link BinanceDepthSnapshots}: {@code GET /api/v3/depth?symbol=..&limit=5000} through
 * the client's pipeline (throttled on its request weight, over its TLS and pins), run on {@code
 * executor} so the stream's reader never waits for it.
 */
public final class BinanceRestSnapshots implements BinanceDepthSnapshots {
  /** The deepest snapshot Binance serves. */
  public static final int LIMIT = 5000;

  private final ApiClient api;
  private final Executor executor;
  private final int limit;

  /** Snapshots of {@link #LIMIT} levels through {@code api}, fetched on {@code executor}. */
  public BinanceRestSnapshots(ApiClient api, Executor executor) {
    this(api, executor, LIMIT);
  }

  /** Snapshots of {@code limit} levels (1 to 5000) through {@code api}, fetched on {@code executor}. */
  public BinanceRestSnapshots(ApiClient api, Executor executor, int limit) {
    this.api = Objects.requireNonNull(api, "api");
    this.executor = Objects.requireNonNull(executor, "executor");
    if (limit < 1 || limit > LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + LIMIT + ", was " + limit);
    }
    this.limit = limit;
  }

  @Override
  public CompletableFuture<BinanceDepthSnapshot> fetch(Symbol symbol, String wireSymbol) {
    return CompletableFuture.supplyAsync(() -> api.execute(
        BinanceEndpoints.DEPTH.request().query("symbol", wireSymbol).query("limit", String.valueOf(limit)).build(),
        decoder(limit)), executor);
  }

  /**
   * {@code {"lastUpdateId":1,"bids":[["price","qty"],...],"asks":[...]}}, streamed; more than
   * {@code limit} levels a side is an answer other than the one asked for, and refused.
   */
  static ResponseDecoder<BinanceDepthSnapshot> decoder(int limit) {
    return r -> {
    try (JsonStream in = JsonStream.of(r)) {
      in.next(JsonToken.START_OBJECT, "body");
      Long id = null;
      List<PriceLevel> bids = null;
      List<PriceLevel> asks = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        switch (name) {
          case "lastUpdateId" -> id = in.nextInteger("lastUpdateId");
          case "bids" -> bids = Levels.read(in, "bids", limit);
          case "asks" -> asks = Levels.read(in, "asks", limit);
          default -> in.skipNext();
        }
      }
      in.end();
      if (id == null || bids == null || asks == null) {
        String missing = id == null ? "lastUpdateId" : bids == null ? "bids" : "asks";
        throw new InvalidResponseException(missing, "Field " + missing + " is missing from the depth snapshot");
      }
      return new BinanceDepthSnapshot(id, bids, asks);
    }
    };
  }
}
