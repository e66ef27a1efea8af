package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code BASE/QUOTE} ({@code BTC/USDT}); anything else is a usage error naming the form. */
final class SymbolConverter implements ITypeConverter<Symbol> {
  @Override
  public Symbol convert(String value) {
    try {
      return Symbol.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + Text.clean(value) + "' is not BASE/QUOTE, e.g. BTC/USDT");
    }
  }
}
