package io.tickguard.crypto;

import java.util.Optional;

/**
 * Translates between {@link Symbol} and one provider's spelling of a pair. Each provider package
 * has one; both directions are pure functions with no I/O.
 */
public interface SymbolMapper {

  /** The provider's spelling of {@code symbol}, as sent in requests. */
  String toProvider(Symbol symbol);

  /** The symbol a provider spelling names, or empty when it cannot be read unambiguously. */
  Optional<Symbol> fromProvider(String providerSymbol);
}
