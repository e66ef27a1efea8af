package io.tickguard.examples.cli;

import io.tickguard.core.TickGuardException;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads the forex value types from arguments; a bad one is a usage error naming the fix. */
final class ForexConverters {
  private ForexConverters() {}

  /** {@code EUR/USD}, {@code EUR_USD} or {@code EURUSD}. */
  static final class Pair implements ITypeConverter<CurrencyPair> {
    @Override
    public CurrencyPair convert(String value) {
      try {
        return CurrencyPair.parse(value);
      } catch (TickGuardException | IllegalArgumentException e) {
        throw new TypeConversionException("'" + Text.clean(value) + "' is not a currency pair; write EUR/USD, EUR_USD or EURUSD");
      }
    }
  }

  /** A three-letter ISO 4217 code. */
  static final class Code implements ITypeConverter<Currency> {
    @Override
    public Currency convert(String value) {
      try {
        return Currency.of(value);
      } catch (TickGuardException | IllegalArgumentException e) {
        throw new TypeConversionException("'" + Text.clean(value) + "' is not a currency code; write three letters such as EUR or JPY");
      }
    }
  }
}
