package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.binance.BinanceSymbolMapper;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshots;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.market.internal.Models;
import io.tickguard.crypto.stream.BestBidAskEvent;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TickerEvent;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.crypto.stream.internal.FeedOutput;
import io.tickguard.crypto.stream.internal.WireLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One Binance spot market-data connection ({@code /stream}, combined events): it subscribes with
 * {@code SUBSCRIBE} messages, decodes {@code trade}, {@code 24hrTicker}, {@code bookTicker} and
 * {@code depthUpdate} events into the unified model, keeps each subscribed symbol's local book by
 * Binance's documented procedure, and asks for a new connection on {@code serverShutdown} and before
 * the 24-hour connection lifetime ends, invalidating its books first so no stale book is readable.
 *
 * <p>Decoding runs on the reader thread; REST snapshots are fetched by {@link BinanceDepthSnapshots}
 * elsewhere and applied on the reader thread with the next message. Thread-safe.
 */
public final class BinanceFeed implements Feed {
  /** Streams one connection may carry. */
  public static final int MAX_STREAMS = 1024;
  /** Streams per {@code SUBSCRIBE} message, so a resubscription stays within 5 messages a second. */
  static final int STREAMS_PER_MESSAGE = 200;
  /** Binance ends a connection after 24 hours; the feed replaces it before that. */
  public static final Duration LIFETIME = Duration.ofHours(24).minusMinutes(5);

  private final BinanceDepthSnapshots snapshots;
  private final Clock clock;
  private final Map<String, Subscription> streams = new LinkedHashMap<>();
  private final Map<String, BinanceDepthBook> books = new ConcurrentHashMap<>();
  private final Map<String, Symbol> symbols = new ConcurrentHashMap<>();
  private final Queue<Fetched> fetched = new ConcurrentLinkedQueue<>();
  private final BinanceMessage m = new BinanceMessage();
  private long nextId = 1;
  private Instant connectedAt;
  /** When the connection must be replaced, in epoch milliseconds rounded down (checked per message). */
  private long retireAtMillis = Long.MAX_VALUE;
  private boolean retiring;

  /** A feed fetching depth snapshots with {@code snapshots} and reading connection age on {@code clock}. */
  public BinanceFeed(BinanceDepthSnapshots snapshots, Clock clock) {
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The stream name Binance uses for {@code s}: {@code btcusdt@trade}, {@code btcusdt@depth@100ms}. */
  public static String streamName(Subscription s) {
    String wire = BinanceSymbolMapper.INSTANCE.toProvider(s.symbol()).toLowerCase(Locale.ROOT);
    return wire + switch (s.channel()) {
      case TRADES -> "@trade";
      case TICKER -> "@ticker";
      case BEST_BID_ASK -> "@bookTicker";
      case BOOK -> "@depth@100ms";
      case ORDERS -> throw new IllegalStateException("ORDERS is refused before a Binance feed sees it");
    };
  }

  /** The number of streams subscribed. */
  public synchronized int streams() {
    return streams.size();
  }

  @Override
  public synchronized int capacityLeft() {
    return MAX_STREAMS - streams.size();
  }

  @Override
  public synchronized List<Subscription> subscriptions() {
    return List.copyOf(streams.values());
  }

  /**
   * Adds subscriptions; returns the {@code SUBSCRIBE} messages to send now (empty when all were
   * already subscribed).
   *
   * @throws IllegalStateException when the connection would carry more than {@link #MAX_STREAMS}
   */
  @Override
  public synchronized List<String> subscribe(List<Subscription> subs) {
    List<String> added = new ArrayList<>();
    for (Subscription s : subs) {
      String name = streamName(s);
      if (!streams.containsKey(name)) {
        added.add(name);
      }
    }
    if (streams.size() + added.size() > MAX_STREAMS) {
      throw new IllegalStateException("A Binance connection carries at most " + MAX_STREAMS + " streams");
    }
    for (Subscription s : subs) {
      String name = streamName(s);
      if (streams.putIfAbsent(name, s) == null) {
        String wire = BinanceSymbolMapper.INSTANCE.toProvider(s.symbol());
        symbols.put(wire, s.symbol());
        if (s.channel() == StreamChannel.BOOK) {
          books.put(wire, new BinanceDepthBook(s.symbol(), wire));
        }
      }
    }
    return messages("SUBSCRIBE", added);
  }

  /** Removes subscriptions; returns the {@code UNSUBSCRIBE} messages to send now. */
  @Override
  public synchronized List<String> unsubscribe(List<Subscription> subs, FeedOutput out) {
    List<String> removed = new ArrayList<>();
    for (Subscription s : subs) {
      String name = streamName(s);
      if (streams.remove(name) != null) {
        removed.add(name);
        if (s.channel() == StreamChannel.BOOK) {
          BinanceDepthBook book = books.remove(BinanceSymbolMapper.INSTANCE.toProvider(s.symbol()));
          if (book != null) {
            book.invalidate(BookInvalidated.Reason.UNSUBSCRIBED, "unsubscribed", out);
          }
        }
      }
    }
    return messages("UNSUBSCRIBE", removed);
  }

  @Override
  public Optional<LocalOrderBook> book(Symbol symbol) {
    BinanceDepthBook b = books.get(BinanceSymbolMapper.INSTANCE.toProvider(symbol));
    return b == null ? Optional.empty() : Optional.of(b.book());
  }

  /** How many REST snapshots the book of {@code symbol} asked for so far. */
  public int snapshotRequests(Symbol symbol) {
    BinanceDepthBook b = books.get(BinanceSymbolMapper.INSTANCE.toProvider(symbol));
    return b == null ? 0 : b.snapshotRequests();
  }

  @Override
  public synchronized List<String> onOpen(Open reason) {
    if (reason != Open.RESUBSCRIBE) {
      connectedAt = clock.instant();
      retireAtMillis = connectedAt.plus(LIFETIME).toEpochMilli();
      retiring = false;
    }
    return messages("SUBSCRIBE", new ArrayList<>(streams.keySet()));
  }

  @Override
  public synchronized void onDisconnect(String reason, FeedOutput out) {
    for (BinanceDepthBook b : books.values()) {
      b.invalidate(BookInvalidated.Reason.DISCONNECTED, reason, out);
    }
  }

  @Override
  public synchronized void onText(String message, FeedOutput out) {
    drainSnapshots(out);
    checkLifetime(out);
    m.read(message);
    if (m.hasCode) {
      throw new ProviderException(
          "Binance refused stream request " + (m.hasId ? Long.toString(m.id) : "(no id)") + ": " + m.msg,
          ErrorDetails.none().withProviderError(Long.toString(m.code), m.msg));
    }
    if (m.event == null) {
      if (m.hasResult || m.hasId) {
        return; // the reply to SUBSCRIBE / UNSUBSCRIBE
      }
      if (m.symbol != null && m.b != null && m.a != null) {
        bookTicker(out);
        return;
      }
      throw new InvalidResponseException("e", "Binance stream message without an event type");
    }
    switch (m.event) {
      case "depthUpdate" -> depth(out);
      case "trade" -> out.event(trade());
      case "24hrTicker" -> out.event(ticker());
      case "serverShutdown" -> retire("serverShutdown: Binance is about to close this connection", out);
      default -> { } // an event this feed did not subscribe to decode
    }
  }

  private void depth(FeedOutput out) {
    String wire = BinanceMessage.need(m.symbol, "s");
    BinanceDepthBook book = books.get(wire);
    if (book == null) {
      return;
    }
    long first = BinanceMessage.need(m.firstUpdateId, "U");
    long last = BinanceMessage.need(m.finalUpdateId, "u");
    if (last < first) {
      throw new InvalidResponseException("u", "depthUpdate u=" + last + " is below U=" + first);
    }
    // the message's list is reused: copied once into the immutable list the book event keeps
    List<LevelChange> changes = m.changes == null ? List.of() : WireLevels.immutableCopy(m.changes);
    if (book.onDiff(first, last, changes, out)) {
      fetch(book);
    }
  }

  private TradeEvent trade() {
    Symbol symbol = symbol(BinanceMessage.need(m.symbol, "s"));
    long id = BinanceMessage.need(m.tradeId, "t");
    Side side = BinanceMessage.need(m.buyerMaker, "m") ? Side.SELL : Side.BUY;
    Instant time = Instant.ofEpochMilli(BinanceMessage.need(m.tradeTime, "T"));
    return Models.build("", () -> new TradeEvent(
        symbol, new Trade(Long.toString(id), BinanceMessage.need(m.p, "p"), BinanceMessage.need(m.q, "q"), side, time)));
  }

  private TickerEvent ticker() {
    Symbol symbol = symbol(BinanceMessage.need(m.symbol, "s"));
    Optional<Instant> time = m.eventTime < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(m.eventTime));
    return Models.build("", () -> new TickerEvent(new Ticker(
        symbol, BinanceMessage.need(m.c, "c"), BinanceMessage.need(m.b, "b"), BinanceMessage.need(m.a, "a"),
        Optional.ofNullable(m.o), Optional.ofNullable(m.h), Optional.ofNullable(m.l), Optional.ofNullable(m.v), time)));
  }

  private void bookTicker(FeedOutput out) {
    Symbol symbol = symbol(m.symbol);
    out.event(Models.build("", () -> new BestBidAskEvent(
        symbol, m.b, BinanceMessage.need(m.bQty, "B"), m.a, BinanceMessage.need(m.aQty, "A"), Optional.empty())));
  }

  private Symbol symbol(String wire) {
    Symbol s = symbols.get(wire);
    if (s != null) {
      return s;
    }
    return BinanceSymbolMapper.INSTANCE.fromProvider(wire).orElseThrow(
        () -> new InvalidResponseException("s", "Unknown Binance symbol in stream event: " + wire));
  }

  private void checkLifetime(FeedOutput out) {
    // clock.millis() first: the exact Instant comparison (two allocations) only in the last millisecond.
    if (!retiring && clock.millis() >= retireAtMillis && !clock.instant().isBefore(connectedAt.plus(LIFETIME))) {
      retire("the connection reached Binance's 24-hour lifetime", out);
    }
  }

  /** Invalidates every book first, then asks for a new connection. */
  private void retire(String reason, FeedOutput out) {
    if (retiring) {
      return;
    }
    retiring = true;
    for (BinanceDepthBook b : books.values()) {
      b.invalidate(BookInvalidated.Reason.SERVER_SHUTDOWN, reason, out);
    }
    out.reconnect(reason);
  }

  private void fetch(BinanceDepthBook book) {
    Symbol symbol = book.book().symbol();
    snapshots.fetch(symbol, book.wireSymbol()).whenComplete(
        (s, failure) -> fetched.add(new Fetched(book, s)));
  }

  private void drainSnapshots(FeedOutput out) {
    if (fetched.isEmpty()) {
      return; // the usual case: no list made per message
    }
    // Only what arrived before this message: a refetch that completes at once waits for the next
    // message instead of looping here.
    List<Fetched> ready = new ArrayList<>();
    for (Fetched f = fetched.poll(); f != null; f = fetched.poll()) {
      ready.add(f);
    }
    for (Fetched f : ready) {
      if (books.get(f.book.wireSymbol()) != f.book) {
        continue; // unsubscribed meanwhile
      }
      boolean again = f.snapshot == null ? f.book.onSnapshotFailed() : f.book.onSnapshot(f.snapshot, out);
      if (again) {
        fetch(f.book);
      }
    }
  }

  private List<String> messages(String method, List<String> names) {
    List<String> out = new ArrayList<>();
    for (int from = 0; from < names.size(); from += STREAMS_PER_MESSAGE) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + STREAMS_PER_MESSAGE));
      StringBuilder json = new StringBuilder(32 + chunk.size() * 24).append("{\"method\":\"").append(method)
          .append("\",\"params\":[");
      for (int i = 0; i < chunk.size(); i++) {
        json.append(i == 0 ? "\"" : ",\"").append(chunk.get(i)).append('"');
      }
      out.add(json.append("],\"id\":").append(nextId++).append('}').toString());
    }
    return out;
  }

  private record Fetched(BinanceDepthBook book, BinanceDepthSnapshot snapshot) {}
}
