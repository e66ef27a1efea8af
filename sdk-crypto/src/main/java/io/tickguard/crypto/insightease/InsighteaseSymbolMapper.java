package io.tickguard.crypto.insightease;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.SymbolMapper;
import java.util.Optional;

/** Insightease spells pairs {@code BTC/USD}, as TickGuard prints them. */
public final class InsighteaseSymbolMapper implements SymbolMapper {
  /** The shared instance. */
  public static final InsighteaseSymbolMapper INSTANCE = new InsighteaseSymbolMapper();

  private InsighteaseSymbolMapper() {}

  @Override
  public String toProvider(Symbol symbol) {
    return symbol.toString();
  }

  @Override
  public Optional<Symbol> fromProvider(String providerSymbol) {
    try {
      return Optional.of(Symbol.parse(providerSymbol));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
