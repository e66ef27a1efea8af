package io.tickguard.examples.cli;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tickguard book SYMBOL}: the depth ladder. {@code --watch} redraws it in place from a {@link
 * BookFeed}: polling today; a provider stream slots in as another feed.
 */
@Command(name = "book", mixinStandardHelpOptions = true, description = "The order book's top levels as a depth ladder.")
final class BookCommand extends MarketCommand {
  @Parameters(paramLabel = "SYMBOL", description = "BASE/QUOTE, e.g. BTC/USDT")
  Symbol symbol;

  @Option(names = {"-d", "--depth"}, paramLabel = "N", defaultValue = "10", description = "Levels per side, 1..5000 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = {"-w", "--watch"}, description = "Keep the ladder on screen, redrawn in place (JSON: one object per update).")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "Time between updates with --watch when polling (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop --watch after N updates (default: until Ctrl-C).")
  int count;

  @Override
  void validate() {
    range("--depth", depth, 1, 5000);
    range("--count", count, 0, Integer.MAX_VALUE);
    if (interval.isNegative()) {
      throw usage("--interval must not be negative");
    }
    if (!watch && count > 0) {
      throw usage("--count needs --watch");
    }
  }

  @Override
  int run(MarketSession session, Output out) throws InterruptedException {
    BookFeed feed = BookFeed.polling(session.client(), symbol, depth, interval);
    int previousLines = 0;
    int shown = 0;
    do {
      OrderBook book = feed.next();
      if (out.json()) {
        out.json(json(session.provider(), book));
      } else {
        List<String> lines = ladder(book, out);
        if (watch && out.colour() && previousLines > 0) {
          out.out().print("\u001b[" + previousLines + "F\u001b[J"); // back to the ladder's first line, clear below
        } else if (shown > 0) {
          out.out().println();
        }
        lines.forEach(out.out()::println);
        out.out().flush();
        previousLines = lines.size();
      }
      shown++;
    } while (watch && (count == 0 || shown < count));
    return ExitCodes.OK;
  }

  private List<String> ladder(OrderBook book, Output out) {
    Table table = Table.of("#bid size", "#bid", "|", "#ask", "#ask size").sameScale("bid", "ask").sameScale("bid size", "ask size");
    int rows = Math.max(book.bids().size(), book.asks().size());
    for (int i = 0; i < rows; i++) {
      Optional<PriceLevel> bid = i < book.bids().size() ? Optional.of(book.bids().get(i)) : Optional.empty();
      Optional<PriceLevel> ask = i < book.asks().size() ? Optional.of(book.asks().get(i)) : Optional.empty();
      table.row(bid.map(PriceLevel::size), bid.map(PriceLevel::price), "|", ask.map(PriceLevel::price), ask.map(PriceLevel::size));
    }
    List<String> body = table.lines();
    String title = out.style(book.symbol().toString(), Output.Style.BOLD) + "  spread " + Text.plain(book.spread())
        + "  mid " + Text.plain(book.mid()) + "  " + book.time().map(Instant::toString).orElse("");
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    lines.add(title.stripTrailing());
    lines.add(out.style(body.get(0), Output.Style.BOLD));
    for (String line : body.subList(1, body.size())) {
      int bar = line.indexOf('|');
      lines.add(out.style(line.substring(0, bar), Output.Style.GREEN) + "|" + out.style(line.substring(bar + 1), Output.Style.RED));
    }
    return lines;
  }

  static Map<String, Object> json(Provider provider, OrderBook book) {
    Map<String, Object> o = Output.object();
    o.put("type", "book");
    o.put("provider", provider.id());
    o.put("symbol", book.symbol().toString());
    o.put("time", book.time());
    o.put("bids", book.bids().stream().map(BookCommand::level).toList());
    o.put("asks", book.asks().stream().map(BookCommand::level).toList());
    return o;
  }

  private static Map<String, Object> level(PriceLevel level) {
    Map<String, Object> o = Output.object();
    o.put("price", level.price());
    o.put("size", level.size());
    return o;
  }
}
