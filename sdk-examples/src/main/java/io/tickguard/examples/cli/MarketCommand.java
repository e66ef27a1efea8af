package io.tickguard.examples.cli;

import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One market-data command of the {@code tickguard} command line, run against any {@link
 * CryptoMarketData} and printed as plain aligned text. Values are printed exactly as decoded
 * ({@code BigDecimal#toPlainString}), never rounded.
 */
final class MarketCommand {
  static final String USAGE = String.join("\n",
      "  time                                   the provider's clock and its distance from yours",
      "  instruments [FILTER]                   listed pairs (those containing FILTER), with their rules",
      "  ticker SYMBOL...                       last, bid, ask and 24 h range of each pair",
      "  book SYMBOL [DEPTH]                    the top DEPTH levels per side (default 10)",
      "  trades SYMBOL [LIMIT]                  the LIMIT most recent public trades (default 20)",
      "  candles SYMBOL INTERVAL [FROM [TO]]    candles opening in [FROM, TO] (ISO-8601; default: last 30)",
      "  balances                               the account's balances (needs credentials)",
      "  SYMBOL is BASE/QUOTE, e.g. BTC/USDT; INTERVAL is 1m, 5m, 15m, 1h, 4h, 1d ...");

  private final PrintStream out;

  MarketCommand(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs {@code args} ({@code COMMAND ARGS...}) against {@code market}.
   *
   * @throws UsageException when the arguments do not form a command
   */
  void run(CryptoMarketData market, List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("missing command");
    }
    String command = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "time" -> time(market.serverTime());
      case "instruments" -> instruments(market.instruments(), rest.isEmpty() ? "" : rest.get(0));
      case "ticker" -> tickers(market.tickers(symbols(rest)));
      case "book" -> book(market.orderBook(symbol(rest, 0), integer(rest, 1, 10, "DEPTH")));
      case "trades" -> trades(market.recentTrades(symbol(rest, 0), integer(rest, 1, 20, "LIMIT")));
      case "candles" -> candles(market, rest);
      case "balances" -> balances(market.balances());
      default -> throw new UsageException("unknown command '" + command + "'");
    }
  }

  private void time(Instant server) {
    Duration offset = Duration.between(Instant.now(), server);
    out.printf("server time  %s%nlocal offset %+d ms (server minus local, including the network)%n", server, offset.toMillis());
  }

  private void instruments(List<Instrument> all, String filter) {
    String upper = filter.toUpperCase(java.util.Locale.ROOT);
    int shown = 0;
    out.printf("%-14s %-14s %-10s %-14s %-14s %s%n", "symbol", "provider", "status", "tick", "lot", "min notional");
    for (Instrument i : all) {
      if (!i.symbol().toString().contains(upper)) {
        continue;
      }
      out.printf("%-14s %-14s %-10s %-14s %-14s %s%n", i.symbol(), i.providerSymbol(), i.status(),
          plain(i.tickSize()), plain(i.lotSize()), plain(i.minNotional()));
      shown++;
    }
    out.printf("%d of %d instruments%n", shown, all.size());
  }

  private void tickers(List<Ticker> tickers) {
    out.printf("%-12s %-16s %-16s %-16s %-16s %-16s %s%n", "symbol", "last", "bid", "ask", "24h low", "24h high", "time");
    for (Ticker t : tickers) {
      out.printf("%-12s %-16s %-16s %-16s %-16s %-16s %s%n", t.symbol(), t.last().toPlainString(),
          t.bid().toPlainString(), t.ask().toPlainString(), plain(t.low24h()), plain(t.high24h()),
          t.time().map(Instant::toString).orElse("-"));
    }
  }

  private void book(OrderBook book) {
    out.printf("%s  spread %s  mid %s%n", book.symbol(), plain(book.spread()), plain(book.mid()));
    out.printf("%-18s %-18s | %-18s %s%n", "bid size", "bid", "ask", "ask size");
    int rows = Math.max(book.bids().size(), book.asks().size());
    for (int i = 0; i < rows; i++) {
      Optional<PriceLevel> bid = i < book.bids().size() ? Optional.of(book.bids().get(i)) : Optional.empty();
      Optional<PriceLevel> ask = i < book.asks().size() ? Optional.of(book.asks().get(i)) : Optional.empty();
      out.printf("%-18s %-18s | %-18s %s%n",
          plain(bid.map(PriceLevel::size)), plain(bid.map(PriceLevel::price)),
          plain(ask.map(PriceLevel::price)), plain(ask.map(PriceLevel::size)));
    }
  }

  private void trades(List<Trade> trades) {
    out.printf("%-26s %-6s %-18s %s%n", "time", "side", "price", "size");
    for (Trade t : trades) {
      out.printf("%-26s %-6s %-18s %s%n", t.time(), t.side(), t.price().toPlainString(), t.size().toPlainString());
    }
  }

  private void candles(CryptoMarketData market, List<String> args) {
    Symbol symbol = symbol(args, 0);
    if (args.size() < 2) {
      throw new UsageException("candles needs SYMBOL and INTERVAL");
    }
    Interval interval = Interval.of(args.get(1));
    Duration width = interval.duration()
        .orElseThrow(() -> new UsageException("interval '" + args.get(1) + "' has no fixed width; give FROM and TO"));
    Instant to = args.size() > 3 ? instant(args.get(3), "TO") : Instant.now();
    Instant from = args.size() > 2 ? instant(args.get(2), "FROM") : to.minus(width.multipliedBy(30));
    List<Candle> candles = market.candles(symbol, interval, from, to);
    out.printf("%-22s %-16s %-16s %-16s %-16s %s%n", "open time", "open", "high", "low", "close", "volume");
    for (Candle c : candles) {
      out.printf("%-22s %-16s %-16s %-16s %-16s %s%n", c.openTime(), c.open().toPlainString(),
          c.high().toPlainString(), c.low().toPlainString(), c.close().toPlainString(), c.volume().toPlainString());
    }
  }

  private void balances(List<Balance> balances) {
    out.printf("%-10s %-22s %-22s %s%n", "asset", "free", "locked", "total");
    for (Balance b : balances) {
      out.printf("%-10s %-22s %-22s %s%n", b.asset(), b.free().toPlainString(), b.locked().toPlainString(),
          b.total().toPlainString());
    }
  }

  private static Symbol[] symbols(List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("ticker needs at least one SYMBOL");
    }
    return args.stream().map(MarketCommand::parseSymbol).toArray(Symbol[]::new);
  }

  private static Symbol symbol(List<String> args, int index) {
    if (args.size() <= index) {
      throw new UsageException("missing SYMBOL (BASE/QUOTE, e.g. BTC/USDT)");
    }
    return parseSymbol(args.get(index));
  }

  private static Symbol parseSymbol(String text) {
    try {
      return Symbol.parse(text);
    } catch (RuntimeException e) {
      throw new UsageException("SYMBOL '" + text + "' is not BASE/QUOTE (e.g. BTC/USDT): " + e.getMessage());
    }
  }

  private static int integer(List<String> args, int index, int fallback, String name) {
    if (args.size() <= index) {
      return fallback;
    }
    try {
      return Integer.parseInt(args.get(index));
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, was '" + args.get(index) + "'");
    }
  }

  private static Instant instant(String text, String name) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException(name + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, was '" + text + "'");
    }
  }

  private static String plain(Optional<BigDecimal> value) {
    return value.map(BigDecimal::toPlainString).orElse("-");
  }
}
