package io.tickguard.crypto.binance.stream;

import io.tickguard.crypto.Symbol;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches REST depth snapshots for the local-book procedure, off the stream's reader thread. The
 * default fetches {@code GET /api/v3/depth?limit=5000} through the client's pipeline.
 */
@FunctionalInterface
public interface BinanceDepthSnapshots {

  /** Starts fetching the snapshot of {@code symbol} ({@code wireSymbol} as Binance spells it). */
  CompletableFuture<BinanceDepthSnapshot> fetch(Symbol symbol, String wireSymbol);
}
