package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.market.internal.Checks;

/**
 * One channel of one symbol on a {@code MarketStream}.
 *
 * @param symbol the pair
 * @param channel what to receive for it
 */
public record Subscription(Symbol symbol, StreamChannel channel) {

  /** Validates both fields. */
  public Subscription {
    Checks.present(symbol, "symbol");
    Checks.present(channel, "channel");
  }
}
