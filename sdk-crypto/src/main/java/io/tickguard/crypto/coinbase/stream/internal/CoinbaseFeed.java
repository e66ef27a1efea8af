package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.coinbase.CoinbaseSymbolMapper;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.TextCache;
import io.tickguard.market.internal.Times;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TickerEvent;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Coinbase Advanced Trade WebSocket connection ({@code wss://advanced-trade-ws.coinbase.com}):
 * one {@code subscribe} message per channel (the transport's signer adds a fresh JWT to each), the
 * {@code heartbeats} channel on every connection so quiet channels stay open, {@code l2_data},
 * {@code market_trades} and {@code ticker} decoded into the unified model. {@code sequence_num} must
 * rise by one per message on the connection and {@code heartbeat_counter} by one per heartbeat; a
 * jump means messages were lost, so every book is invalidated and {@code level2} resubscribed (a new
 * snapshot follows). Thread-safe.
 */
public final class CoinbaseFeed implements Feed {
  /** A feed with no products yet; subscriptions add them. */
  public CoinbaseFeed() {}

  private final Map<Subscription, Boolean> subscriptions = new LinkedHashMap<>();
  private final Map<String, Book> books = new ConcurrentHashMap<>();
  /** Values every message repeats, read without a new string each time (reader thread, under the lock). */
  private final TextCache texts = new TextCache();
  /** The message being read, reused for every message (reader thread, under the lock). */
  private final CoinbaseMessage m = new CoinbaseMessage(texts);
  private long expectedSequence = -1;
  private long lastHeartbeat = -1;
  private boolean resyncBooks;
  private int gaps;

  /** Coinbase's product id of {@code symbol}: {@code BTC-USD}. */
  public static String wire(Symbol symbol) {
    return CoinbaseSymbolMapper.INSTANCE.toProvider(symbol);
  }

  /** Gaps detected so far (sequence or heartbeat counter). */
  public synchronized int gaps() {
    return gaps;
  }

  @Override
  public synchronized int capacityLeft() {
    return Integer.MAX_VALUE - subscriptions.size();
  }

  @Override
  public synchronized List<Subscription> subscriptions() {
    return List.copyOf(subscriptions.keySet());
  }

  @Override
  public Optional<LocalOrderBook> book(Symbol symbol) {
    Book b = books.get(wire(symbol));
    return b == null ? Optional.empty() : Optional.of(b.book);
  }

  @Override
  public synchronized List<String> subscribe(List<Subscription> subs) {
    List<Subscription> added = new ArrayList<>();
    for (Subscription s : subs) {
      if (subscriptions.putIfAbsent(s, Boolean.TRUE) == null) {
        added.add(s);
        if (s.channel() == StreamChannel.BOOK) {
          books.put(wire(s.symbol()), new Book(s.symbol()));
        }
      }
    }
    return messages("subscribe", added);
  }

  @Override
  public synchronized List<String> unsubscribe(List<Subscription> subs, FeedOutput out) {
    List<Subscription> removed = new ArrayList<>();
    for (Subscription s : subs) {
      if (subscriptions.remove(s) != null) {
        removed.add(s);
        Book b = s.channel() == StreamChannel.BOOK ? books.remove(wire(s.symbol())) : null;
        if (b != null) {
          b.invalidate(BookInvalidated.Reason.UNSUBSCRIBED, "unsubscribed", out);
        }
      }
    }
    return messages("unsubscribe", removed);
  }

  @Override
  public synchronized List<String> onOpen(Open reason) {
    if (reason == Open.RESUBSCRIBE) {
      resyncBooks = false;
      List<Subscription> level2 = new ArrayList<>();
      subscriptions.keySet().stream().filter(s -> s.channel() == StreamChannel.BOOK).forEach(level2::add);
      List<String> out = new ArrayList<>(messages("unsubscribe", level2));
      out.addAll(messages("subscribe", level2));
      return out;
    }
    expectedSequence = -1;
    lastHeartbeat = -1;
    resyncBooks = false;
    List<String> out = new ArrayList<>();
    out.add("{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
    out.addAll(messages("subscribe", new ArrayList<>(subscriptions.keySet())));
    return out;
  }

  @Override
  public synchronized void onDisconnect(String reason, FeedOutput out) {
    books.values().forEach(b -> b.invalidate(BookInvalidated.Reason.DISCONNECTED, reason, out));
  }

  @Override
  public synchronized void onText(String text, FeedOutput out) {
    m.read(text);
    if ("error".equals(m.type)) {
      String message = m.message == null ? "(no message)" : m.message;
      throw new ProviderException("Coinbase refused the stream request: " + message,
          ErrorDetails.none().withProviderError("error", message));
    }
    if (m.channel == null) {
      throw new InvalidResponseException("channel", "Coinbase message without a channel");
    }
    if (m.sequence < 0) {
      throw new InvalidResponseException("sequence_num", "Field sequence_num is missing");
    }
    if (expectedSequence >= 0 && m.sequence != expectedSequence) {
      lost("sequence_num " + m.sequence + " where " + expectedSequence + " was expected", out);
    }
    expectedSequence = m.sequence + 1;
    switch (m.channel) {
      case "l2_data" -> {
        for (CoinbaseMessage.Event e : m.events) {
          level2(e, out);
        }
      }
      case "market_trades" -> m.events.forEach(e -> e.items.forEach(i -> out.event(trade(i))));
      case "ticker", "ticker_batch" -> m.events.forEach(e -> e.items.forEach(i -> out.event(ticker(i))));
      case "heartbeats" -> heartbeats(m, out);
      default -> { } // subscriptions and channels this feed did not subscribe
    }
  }

  private void heartbeats(CoinbaseMessage m, FeedOutput out) {
    for (CoinbaseMessage.Event e : m.events) {
      if (e.heartbeatCounter >= 0) {
        if (lastHeartbeat >= 0 && e.heartbeatCounter != lastHeartbeat + 1) {
          lost("heartbeat_counter " + e.heartbeatCounter + " after " + lastHeartbeat, out);
        }
        lastHeartbeat = e.heartbeatCounter;
      }
    }
    out.heartbeat();
  }

  /** Messages were lost on this connection: no book can be trusted; resubscribe level2. */
  private void lost(String detail, FeedOutput out) {
    gaps++;
    out.gap("Coinbase " + detail);
    boolean any = false;
    for (Book b : books.values()) {
      any |= b.invalidate(BookInvalidated.Reason.SEQUENCE_GAP, detail, out) || b.awaitingSnapshot;
      b.awaitingSnapshot = true;
    }
    if (any && !resyncBooks) {
      resyncBooks = true;
      out.resubscribe("Coinbase " + detail + ": resubscribing level2");
    }
  }

  private void level2(CoinbaseMessage.Event e, FeedOutput out) {
    Book b = books.get(need(e.productId, "events[].product_id"));
    if (b == null) {
      return;
    }
    List<LevelChange> updates = e.updates == null ? List.of() : e.updates;
    if ("snapshot".equals(e.type)) {
      b.snapshot(updates, expectedSequence - 1, out);
    } else if ("update".equals(e.type)) {
      b.update(updates, expectedSequence - 1, out);
    } else {
      throw new InvalidResponseException("events[].type", "Coinbase l2_data event type must be snapshot or update");
    }
  }

  private static TradeEvent trade(CoinbaseMessage.Item i) {
    Symbol symbol = symbol(i.productId);
    Side side = "BUY".equals(i.side) ? Side.BUY : "SELL".equals(i.side) ? Side.SELL : Side.UNKNOWN;
    Instant time = Times.iso(need(i.time, "trades[].time"), "trades[].time");
    return Models.build("trades[].", () -> new TradeEvent(symbol, new Trade(
        need(i.tradeId, "trades[].trade_id"), need(i.price, "trades[].price"), need(i.size, "trades[].size"), side, time)));
  }

  private static TickerEvent ticker(CoinbaseMessage.Item i) {
    Symbol symbol = symbol(i.productId);
    return Models.build("tickers[].", () -> new TickerEvent(new Ticker(
        symbol, need(i.price, "tickers[].price"), need(i.bestBid, "tickers[].best_bid"), need(i.bestAsk, "tickers[].best_ask"),
        Optional.empty(), Optional.ofNullable(i.high), Optional.ofNullable(i.low), Optional.ofNullable(i.volume),
        Optional.empty())));
  }

  private static Symbol symbol(String productId) {
    return CoinbaseSymbolMapper.INSTANCE.fromProvider(need(productId, "product_id"))
        .orElseThrow(() -> new InvalidResponseException("product_id", "Not a Coinbase product id: " + productId));
  }

  private static <T> T need(T value, String field) {
    if (value == null) {
      throw new InvalidResponseException(field, "Field " + field + " is missing");
    }
    return value;
  }

  /** One message per channel: Coinbase takes one channel per subscribe message. */
  private static List<String> messages(String type, List<Subscription> subs) {
    Map<String, List<String>> byChannel = new LinkedHashMap<>();
    for (Subscription s : subs) {
      byChannel.computeIfAbsent(channel(s.channel()), c -> new ArrayList<>()).add(wire(s.symbol()));
    }
    List<String> out = new ArrayList<>();
    byChannel.forEach((channel, products) -> {
      StringBuilder json = new StringBuilder(80).append("{\"type\":\"").append(type).append("\",\"product_ids\":[");
      for (int i = 0; i < products.size(); i++) {
        json.append(i == 0 ? "\"" : ",\"").append(products.get(i)).append('"');
      }
      out.add(json.append("],\"channel\":\"").append(channel).append("\"}").toString());
    });
    return out;
  }

  private static String channel(StreamChannel c) {
    return switch (c) {
      case TRADES -> "market_trades";
      case TICKER, BEST_BID_ASK -> "ticker";
      case BOOK -> "level2";
      case ORDERS -> throw new IllegalStateException("ORDERS is refused before a Coinbase feed sees it");
    };
  }

  /** One product's book: snapshot, then updates; valid until a loss on the connection. */
  private static final class Book {
    final Symbol symbol;
    final LocalOrderBook book;
    boolean awaitingSnapshot = true;

    Book(Symbol symbol) {
      this.symbol = symbol;
      this.book = new LocalOrderBook(symbol);
    }

    void snapshot(List<LevelChange> levels, long sequence, FeedOutput out) {
      boolean ok = book.update(e -> {
        e.clear();
        levels.forEach(c -> e.set(c.side(), c.price(), c.size()));
        e.version(sequence);
        return true;
      });
      awaitingSnapshot = !ok;
      if (ok) {
        out.event(new BookSnapshotEvent(symbol, book.snapshot().orElseThrow(), sequence));
      } else {
        out.event(new BookInvalidated(symbol, BookInvalidated.Reason.INVALID_DATA, "the snapshot is crossed"));
      }
    }

    void update(List<LevelChange> changes, long sequence, FeedOutput out) {
      if (awaitingSnapshot) {
        return;
      }
      if (book.apply(changes, sequence)) {
        out.event(new BookUpdateEvent(symbol, changes, sequence));
      } else {
        awaitingSnapshot = true;
        out.event(new BookInvalidated(symbol, BookInvalidated.Reason.INVALID_DATA, "the book crossed"));
      }
    }

    /** Returns whether the book was valid. */
    boolean invalidate(BookInvalidated.Reason reason, String detail, FeedOutput out) {
      boolean was = book.isValid();
      book.invalidate();
      awaitingSnapshot = true;
      if (was && out != null) {
        out.event(new BookInvalidated(symbol, reason, detail));
      }
      return was;
    }
  }
}
