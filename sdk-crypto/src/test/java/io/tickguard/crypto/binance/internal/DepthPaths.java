package io.tickguard.crypto.binance.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;

/**
 * The two ways {@code BinanceDecoders.depth} can read a body, for the differential fuzz test in
 * {@code io.tickguard.crypto.hostile}: the whole decoder (compact fast path first) and the full
 * strict reader alone.
 */
public final class DepthPaths {
  private DepthPaths() {}

  /** The whole decoder, as the client configures it. */
  public static OrderBook whole(ApiResponse response, Symbol symbol, int limit) {
    return BinanceDecoders.depth(symbol, limit).decode(response);
  }

  /** The full strict reader alone, whatever the body's layout. */
  public static OrderBook strict(ApiResponse response, Symbol symbol, int limit) {
    return BinanceDecoders.fullDepth(response, symbol, limit);
  }

  /** Whether the compact reader takes {@code body} (else the whole decoder falls back to the strict one). */
  public static boolean compactTakes(byte[] body, int limit) {
    return CompactDepth.read(body, limit) != null;
  }
}
