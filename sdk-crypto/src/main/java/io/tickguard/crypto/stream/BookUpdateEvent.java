package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.Checks;
import java.util.List;

/**
 * A diff was applied to a valid local order book and the book still passes every provider check.
 * The changes are given in the order applied; the book itself is read from the stream.
 *
 * @param symbol the pair
 * @param changes the level changes applied, in order
 * @param version the provider's update id the book is at after the changes
 */
public record BookUpdateEvent(Symbol symbol, List<LevelChange> changes, long version) implements MarketEvent {

  /** Validates the fields; the list is kept as given (it is not modified after the event is made). */
  public BookUpdateEvent {
    Checks.present(symbol, "symbol");
    Checks.present(changes, "changes");
  }
}
