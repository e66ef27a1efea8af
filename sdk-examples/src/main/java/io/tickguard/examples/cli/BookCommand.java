package io.tickguard.examples.cli;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tickguard book SYMBOL}: the depth ladder. {@code --watch} redraws it in place on every
 * change of the provider's streamed local book (polling only a provider without a book stream).
 */
@Command(name = "book", mixinStandardHelpOptions = true, description = "The order book's top levels as a depth ladder.")
final class BookCommand extends RepeatingCommand<OrderBook> {
  @Option(names = {"-d", "--depth"}, paramLabel = "N", defaultValue = "10", description = "Levels per side, 1..5000 (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = {"-w", "--watch"}, description = "Keep the ladder on screen, redrawn in place from the stream (JSON: one object per update).")
  boolean watch;

  private int previousLines;

  @Override
  boolean repeating() {
    return watch;
  }

  @Override
  String repeatOption() {
    return "--watch";
  }

  @Override
  void validateOwn() {
    range("--depth", depth, 1, 5000);
  }

  @Override
  Updates<OrderBook> updates(MarketSession session, boolean stream) {
    return Updates.books(session.client(), stream ? session.streams() : Optional.empty(), symbol, depth, interval);
  }

  @Override
  void show(MarketSession session, OrderBook book, int shown, String source, Output out) {
    if (out.json()) {
      Map<String, Object> o = json(session.provider(), book);
      if (watch) {
        o.put("source", source);
      }
      out.json(o);
      return;
    }
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
