package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.market.internal.Checks;

/**
 * A ticker from the stream (Binance {@code @ticker}, Kraken {@code ticker}, Coinbase {@code ticker}).
 *
 * @param ticker the ticker
 */
public record TickerEvent(Ticker ticker) implements MarketEvent {

  /** Validates the ticker is present. */
  public TickerEvent {
    Checks.present(ticker, "ticker");
  }

  @Override
  public Symbol symbol() {
    return ticker.symbol();
  }
}
