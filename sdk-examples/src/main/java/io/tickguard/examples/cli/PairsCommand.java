package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import java.util.List;
import picocli.CommandLine.Parameters;

/**
 * A market command over one or more pairs given as parameters ({@code ticker}, {@code price}); an
 * embedded sandbox prepares their tickers first.
 */
abstract class PairsCommand extends MarketCommand {
  @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "BASE/QUOTE, e.g. BTC/USDT")
  List<Symbol> symbols;

  @Override
  final List<Symbol> firstTickers() {
    return symbols;
  }
}
