package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.observe.Redactor;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.TextCache;
import io.tickguard.market.internal.Times;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TickerEvent;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One Kraken WebSocket v2 connection ({@code wss://ws.kraken.com/v2}): {@code subscribe} messages per
 * channel (Kraken acknowledges each symbol separately), {@code trade}, {@code ticker} and {@code
 * book} decoded into the unified model, books verified with Kraken's CRC32 after every message, a
 * symbol whose checksum fails resubscribed on the same connection, {@code heartbeat} and {@code
 * status} (with its {@code connection_id}, which exceeds a {@code long}) understood. Thread-safe.
 */
public final class KrakenFeed implements Feed {
  /** The book depth subscribed (Kraken: 10, 25, 100, 500 or 1000). */
  public static final int DEFAULT_DEPTH = 10;

  private final Function<Symbol, KrakenPrecision> precisions;
  private final int depth;
  private final Map<Subscription, Boolean> subscriptions = new LinkedHashMap<>();
  private final Map<String, KrakenBook> books = new ConcurrentHashMap<>();
  /** Values every message repeats, read without a new string each time (reader thread, under the lock). */
  private final TextCache texts = new TextCache();
  /** The fast path of {@code book} messages in Kraken's compact layout (reader thread, under the lock). */
  private final CompactBook compact = new CompactBook(texts);
  private final Set<Symbol> resync = new LinkedHashSet<>();
  private final KrakenL3Channel level3;
  private volatile BigInteger connectionId;
  private long nextReqId = 1;

  /**
   * A feed subscribing books at {@code depth}, verifying them with the precision {@code precisions}
   * gives for a symbol (asked once, when the book is subscribed, on the subscribing thread).
   */
  public KrakenFeed(Function<Symbol, KrakenPrecision> precisions, int depth) {
    this(precisions, depth, null);
  }

  private KrakenFeed(Function<Symbol, KrakenPrecision> precisions, int depth, KrakenL3Channel level3) {
    this.level3 = level3;
    this.precisions = Objects.requireNonNull(precisions, "precisions");
    if (depth != 10 && depth != 25 && depth != 100 && depth != 500 && depth != 1000) {
      throw new InvalidValueException("depth", "must be 10, 25, 100, 500 or 1000, was " + depth);
    }
    this.depth = depth;
  }

  /**
   * A feed of the authenticated {@code level3} channel alone ({@link StreamChannel#ORDERS}, up to
   * {@value KrakenL3Channel#MAX_SYMBOLS} symbols a connection) at {@code depth} (10, 100 or 1000),
   * whose messages get their token from {@code tokens} (the connection's message signer).
   */
  public KrakenFeed(KrakenTokenSource tokens, int depth) {
    this(s -> {
      throw new IllegalStateException("a level3 feed keeps no level2 book");
    }, DEFAULT_DEPTH, new KrakenL3Channel(Objects.requireNonNull(tokens, "tokens"), depth));
  }

  /** Whether this feed carries the authenticated {@code level3} channel (and nothing else). */
  public boolean isLevel3() {
    return level3 != null;
  }

  /** Resubscriptions of {@code symbol}'s level3 book after failed checksums. */
  public synchronized int level3Resyncs(Symbol symbol) {
    return level3 == null ? 0 : level3.resyncs(symbol);
  }

  @Override
  public boolean carries(Subscription subscription) {
    return (subscription.channel() == StreamChannel.ORDERS) == (level3 != null);
  }

  /** Kraken's v2 spelling of {@code symbol}: {@code BTC/USD}. */
  public static String wire(Symbol symbol) {
    return symbol.base() + "/" + symbol.quote();
  }

  /** The {@code connection_id} of the current connection's {@code status} message, once received. */
  public Optional<BigInteger> connectionId() {
    return Optional.ofNullable(connectionId);
  }

  /** Resubscriptions of {@code symbol}'s book after failed checks. */
  public int resyncs(Symbol symbol) {
    KrakenBook b = books.get(wire(symbol));
    return b == null ? 0 : b.resyncs();
  }

  @Override
  public synchronized int capacityLeft() {
    return (level3 != null ? KrakenL3Channel.MAX_SYMBOLS : Integer.MAX_VALUE) - subscriptions.size();
  }

  @Override
  public synchronized List<Subscription> subscriptions() {
    return List.copyOf(subscriptions.keySet());
  }

  @Override
  public Optional<LocalOrderBook> book(Symbol symbol) {
    KrakenBook b = books.get(wire(symbol));
    return b == null ? Optional.empty() : Optional.of(b.book());
  }

  @Override
  public Optional<Level3Book> level3Book(Symbol symbol) {
    return level3 == null ? Optional.empty() : level3.book(symbol);
  }

  @Override
  public synchronized List<String> subscribe(List<Subscription> subs) {
    List<Subscription> added = new ArrayList<>();
    for (Subscription s : subs) {
      if (!subscriptions.containsKey(s)) {
        if (!carries(s)) {
          throw new IllegalStateException("This Kraken connection does not carry " + s);
        }
        if (s.channel() == StreamChannel.BOOK) {
          KrakenPrecision p = Objects.requireNonNull(precisions.apply(s.symbol()), "precision of " + s.symbol());
          books.put(wire(s.symbol()), new KrakenBook(s.symbol(), depth, p));
        } else if (s.channel() == StreamChannel.ORDERS) {
          level3.add(s.symbol());
        }
        subscriptions.put(s, Boolean.TRUE);
        added.add(s);
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
        if (s.channel() == StreamChannel.BOOK) {
          KrakenBook b = books.remove(wire(s.symbol()));
          if (b != null) {
            b.invalidate(BookInvalidated.Reason.UNSUBSCRIBED, "unsubscribed", out);
          }
        } else if (s.channel() == StreamChannel.ORDERS) {
          level3.remove(s.symbol(), out);
        }
      }
    }
    return messages("unsubscribe", removed);
  }

  @Override
  public synchronized List<String> onOpen(Open reason) {
    if (reason == Open.RESUBSCRIBE) {
      List<Subscription> again = new ArrayList<>();
      resync.forEach(s -> again.add(new Subscription(s, StreamChannel.BOOK)));
      resync.clear();
      List<String> out = new ArrayList<>(messages("unsubscribe", again));
      out.addAll(messages("subscribe", again));
      if (level3 != null) {
        List<Subscription> failed = orders(level3.takeResync());
        out.addAll(messages("unsubscribe", failed));
        out.addAll(messages("subscribe", failed));
        out.addAll(messages("subscribe", orders(level3.takeRetry())));
      }
      return out;
    }
    connectionId = null;
    resync.clear();
    if (level3 != null) {
      level3.reset();
    }
    return messages("subscribe", new ArrayList<>(subscriptions.keySet()));
  }

  @Override
  public synchronized void onDisconnect(String reason, FeedOutput out) {
    for (KrakenBook b : books.values()) {
      b.invalidate(BookInvalidated.Reason.DISCONNECTED, reason, out);
    }
    if (level3 != null) {
      level3.disconnected(reason, out);
    }
  }

  @Override
  public synchronized void onText(String text, FeedOutput out) {
    KrakenMessage m = KrakenMessage.read(text, texts, compact);
    if (m.method != null) {
      reply(m, out);
      return;
    }
    if (m.channel == null) {
      throw new InvalidResponseException("channel", "Kraken message without a channel or method");
    }
    switch (m.channel) {
      case "heartbeat" -> out.heartbeat();
      case "status" -> status(m);
      case "trade" -> m.items.forEach(i -> out.event(trade(i)));
      case "ticker" -> m.items.forEach(i -> out.event(ticker(i)));
      case "book" -> book(m, out);
      case "level3" -> {
        if (level3 != null) {
          level3.onData(m, out);
        }
      }
      default -> { } // a channel this feed did not subscribe
    }
  }

  private void reply(KrakenMessage m, FeedOutput out) {
    if (level3 != null && !Boolean.FALSE.equals(m.success)) {
      level3.onAccepted(m);
    }
    if (Boolean.FALSE.equals(m.success)) {
      String error = m.error == null ? "(no error text)" : Redactor.standard().redact(m.error);
      if (error.contains("Already subscribed") || (m.method.equals("unsubscribe") && error.contains("Subscription Not Found"))) {
        return;
      }
      if (level3 != null && level3.onRefused(m, error, symbols(), out)) {
        return;
      }
      throw new ProviderException("Kraken refused " + m.method + ": " + error, ErrorDetails.none().withProviderError("", error));
    }
  }

  private void status(KrakenMessage m) {
    for (KrakenMessage.Item i : m.items) {
      if (i.connectionId != null) {
        connectionId = i.connectionId;
      }
    }
  }

  private void book(KrakenMessage m, FeedOutput out) {
    boolean snapshot = "snapshot".equals(m.type);
    if (!snapshot && !"update".equals(m.type)) {
      throw new InvalidResponseException("type", "Kraken book message type must be snapshot or update");
    }
    boolean resubscribe = false;
    for (KrakenMessage.Item i : m.items) {
      KrakenBook b = books.get(need(i.symbol, "data[].symbol"));
      if (b == null) {
        continue;
      }
      if (b.on(snapshot, i.changes == null ? List.of() : i.changes, i.checksum, out)) {
        resync.add(b.book().symbol());
        resubscribe = true;
      }
    }
    if (resubscribe) {
      out.resubscribe("Kraken book checksum failed: resubscribing " + resync);
    }
  }

  private TradeEvent trade(KrakenMessage.Item i) {
    Symbol symbol = symbol(i.symbol);
    Side side = "buy".equals(i.side) ? Side.BUY : "sell".equals(i.side) ? Side.SELL : Side.UNKNOWN;
    Instant time = Times.iso(need(i.timestamp, "data[].timestamp"), "data[].timestamp");
    return Models.build("data[].", () -> new TradeEvent(symbol, new Trade(
        need(i.tradeId, "data[].trade_id"), need(i.price, "data[].price"), need(i.qty, "data[].qty"), side, time)));
  }

  private TickerEvent ticker(KrakenMessage.Item i) {
    Symbol symbol = symbol(i.symbol);
    Optional<Instant> time = i.timestamp == null ? Optional.empty() : Optional.of(Times.iso(i.timestamp, "data[].timestamp"));
    return Models.build("data[].", () -> new TickerEvent(new Ticker(
        symbol, need(i.last, "data[].last"), need(i.bid, "data[].bid"), need(i.ask, "data[].ask"),
        i.change == null ? Optional.empty() : Optional.of(i.last.subtract(i.change)),
        Optional.ofNullable(i.high), Optional.ofNullable(i.low), Optional.ofNullable(i.volume), time)));
  }

  private static Symbol symbol(String wire) {
    try {
      return Symbol.parse(need(wire, "data[].symbol"));
    } catch (InvalidValueException e) {
      throw new InvalidResponseException("data[].symbol", "Kraken symbol is not BASE/QUOTE: " + wire);
    }
  }

  private static <T> T need(T value, String field) {
    if (value == null) {
      throw new InvalidResponseException(field, "Field " + field + " is missing");
    }
    return value;
  }

  /** One message per channel, listing its symbols (Kraken acknowledges each symbol separately). */
  private List<String> messages(String method, List<Subscription> subs) {
    Map<StreamChannel, List<String>> byChannel = new LinkedHashMap<>();
    for (Subscription s : subs) {
      byChannel.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(wire(s.symbol()));
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<StreamChannel, List<String>> e : byChannel.entrySet()) {
      StringBuilder json = new StringBuilder(96).append("{\"method\":\"").append(method)
          .append("\",\"params\":{\"channel\":\"").append(channel(e.getKey())).append("\",\"symbol\":[");
      List<String> symbols = e.getValue();
      for (int i = 0; i < symbols.size(); i++) {
        json.append(i == 0 ? "\"" : ",\"").append(symbols.get(i)).append('"');
      }
      json.append(']');
      if (e.getKey() == StreamChannel.BOOK && method.equals("subscribe")) {
        json.append(",\"depth\":").append(depth);
      }
      if (e.getKey() == StreamChannel.ORDERS) {
        json.append(",\"depth\":").append(level3.depth()); // the token is added by KrakenTokenSource
      }
      if (e.getKey() == StreamChannel.BEST_BID_ASK) {
        json.append(",\"event_trigger\":\"bbo\"");
      }
      out.add(json.append("},\"req_id\":").append(nextReqId++).append('}').toString());
    }
    return out;
  }

  private static String channel(StreamChannel c) {
    return switch (c) {
      case TRADES -> "trade";
      case TICKER, BEST_BID_ASK -> "ticker";
      case BOOK -> "book";
      case ORDERS -> "level3";
    };
  }

  private static List<Subscription> orders(List<Symbol> symbols) {
    List<Subscription> out = new ArrayList<>();
    symbols.forEach(s -> out.add(new Subscription(s, StreamChannel.ORDERS)));
    return out;
  }

  private List<Symbol> symbols() {
    List<Symbol> out = new ArrayList<>();
    subscriptions.keySet().forEach(s -> out.add(s.symbol()));
    return out;
  }
}
