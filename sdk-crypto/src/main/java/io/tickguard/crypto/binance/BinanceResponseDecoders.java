package io.tickguard.crypto.binance;

import io.tickguard.core.ResponseDecoder;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Trade;
import java.util.List;
import java.util.Objects;

/**
 * The decoders {@link BinanceClient} uses, for callers who obtain Binance response bytes some other
 * way (a recorded session, a cache, a benchmark) and want the same strict, allocation-lean typed
 * decode. Pair each with the matching {@link io.tickguard.crypto.MarketDataValidators} check: the
 * decoders enforce the wire format, the validators the market invariants.
 */
public final class BinanceResponseDecoders {
  private BinanceResponseDecoders() {}

  /** {@code GET /api/v3/depth} of {@code symbol}. */
  public static ResponseDecoder<OrderBook> depth(Symbol symbol) {
    return BinanceDecoders.depth(Objects.requireNonNull(symbol, "symbol"));
  }

  /** {@code GET /api/v3/klines} at {@code interval}. */
  public static ResponseDecoder<List<Candle>> klines(Interval interval) {
    return BinanceDecoders.klines(Objects.requireNonNull(interval, "interval"));
  }

  /** {@code GET /api/v3/trades}. */
  public static ResponseDecoder<List<Trade>> trades() {
    return BinanceDecoders.trades();
  }
}
