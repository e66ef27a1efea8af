package io.tickguard.crypto.stream.internal;

import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamOverflowException;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link MarketStream} over one or more pipeline stream sessions, one per provider {@link Feed}: a
 * subscription goes to the first connection with room (the provider's per-connection limit), and a
 * new connection opens when none has. Events of every connection reach one listener, serialised, or
 * one bounded queue.
 */
public final class FeedStream implements MarketStream {
  private final ApiClient api;
  private final Function<Subscription, Feed> feeds;
  private final Set<StreamChannel> channels;
  private final Function<FeedProtocol, StreamSpec<MarketEvent>> specs;
  private final Delivery delivery;
  private final List<Connection> connections = new ArrayList<>();
  private boolean closed;
  private boolean failed;

  /**
   * A stream opening connections on {@code api}, each with a fresh feed from {@code feeds} and the
   * spec {@code specs} builds around it; events go to {@code listener}, or to a queue of {@code
   * capacity} with {@code backpressure} when {@code listener} is null.
   */
  public FeedStream(
      ApiClient api,
      Supplier<Feed> feeds,
      Function<FeedProtocol, StreamSpec<MarketEvent>> specs,
      StreamListener<MarketEvent> listener,
      int capacity,
      Backpressure backpressure) {
    this(api, EnumSet.of(StreamChannel.TRADES, StreamChannel.TICKER, StreamChannel.BEST_BID_ASK, StreamChannel.BOOK),
        first -> feeds.get(), specs, listener, capacity, backpressure);
  }

  /**
   * A stream offering {@code channels}, whose new connections get a feed from {@code feeds} given
   * the first subscription they will carry (a provider whose channels need separate connections).
   */
  public FeedStream(
      ApiClient api,
      Set<StreamChannel> channels,
      Function<Subscription, Feed> feeds,
      Function<FeedProtocol, StreamSpec<MarketEvent>> specs,
      StreamListener<MarketEvent> listener,
      int capacity,
      Backpressure backpressure) {
    this.api = Objects.requireNonNull(api, "api");
    this.channels = Set.copyOf(channels);
    this.feeds = Objects.requireNonNull(feeds, "feeds");
    this.specs = Objects.requireNonNull(specs, "specs");
    this.delivery = listener == null ? new Queue(capacity, backpressure, this::failed) : new Serialised(listener);
  }

  @Override
  public synchronized void subscribe(List<Subscription> subscriptions) {
    if (closed || failed) {
      throw new StreamClosedException("The market stream is " + (closed ? "closed" : "failed: its consumer fell behind"));
    }
    Set<Subscription> wanted = new LinkedHashSet<>(subscriptions);
    for (Subscription s : wanted) {
      if (!channels.contains(s.channel())) {
        throw new InvalidRequestException("channel", "This provider's stream has no " + s.channel()
            + " channel; it offers " + channels);
      }
    }
    for (Connection c : connections) {
      wanted.removeAll(c.feed.subscriptions());
    }
    List<Subscription> left = new ArrayList<>(wanted);
    for (Connection c : connections) {
      List<Subscription> part = take(left, c.feed);
      if (!part.isEmpty()) {
        send(c, c.feed.subscribe(part));
      }
    }
    while (!left.isEmpty()) {
      Feed feed = feeds.apply(left.get(0));
      List<Subscription> part = take(left, feed);
      if (part.isEmpty()) {
        throw new IllegalStateException("A new connection has no room for a subscription");
      }
      feed.subscribe(part);
      Connection c = new Connection(feed);
      c.session = api.openStream(specs.apply(new FeedProtocol(feed)), c);
      connections.add(c);
    }
  }

  /** Removes from {@code left} and returns what {@code feed} carries and has room for. */
  private static List<Subscription> take(List<Subscription> left, Feed feed) {
    int room = feed.capacityLeft();
    List<Subscription> part = new ArrayList<>();
    for (java.util.Iterator<Subscription> it = left.iterator(); it.hasNext() && part.size() < room; ) {
      Subscription s = it.next();
      if (feed.carries(s)) {
        part.add(s);
        it.remove();
      }
    }
    return part;
  }

  @Override
  public synchronized void unsubscribe(List<Subscription> subscriptions) {
    for (Connection c : connections) {
      List<Subscription> mine = new ArrayList<>(subscriptions);
      mine.retainAll(c.feed.subscriptions());
      if (!mine.isEmpty()) {
        send(c, c.feed.unsubscribe(mine, c.direct));
      }
    }
  }

  @Override
  public synchronized List<Subscription> subscriptions() {
    List<Subscription> all = new ArrayList<>();
    connections.forEach(c -> all.addAll(c.feed.subscriptions()));
    return List.copyOf(all);
  }

  @Override
  public Optional<OrderBook> book(Symbol symbol) {
    Optional<LocalOrderBook> local = localBook(symbol);
    return local.isPresent() ? local.get().snapshot() : level3Book(symbol).map(Level3Book::levels);
  }

  @Override
  public Optional<OrderBook> book(Symbol symbol, int depth) {
    Optional<LocalOrderBook> local = localBook(symbol);
    return local.isPresent() ? local.get().snapshot(depth) : level3Book(symbol).map(b -> b.levels(depth));
  }

  @Override
  public synchronized Optional<Level3Book> level3Book(Symbol symbol) {
    for (Connection c : connections) {
      Optional<Level3Book> b = c.feed.level3Book(symbol);
      if (b.isPresent()) {
        return b;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the subscription failed in queue mode (tests): the queue refused an event, or a connection
   * failed on its own buffer. From then on nothing more enters the queue, so what {@link #poll} still
   * returns is final.
   */
  public synchronized boolean hasFailed() {
    return failed;
  }

  /** The update id the local book of {@code symbol} is at, or -1 when it is not valid (tests). */
  public long bookVersion(Symbol symbol) {
    return localBook(symbol).filter(LocalOrderBook::isValid).map(LocalOrderBook::version).orElse(-1L);
  }

  private synchronized Optional<LocalOrderBook> localBook(Symbol symbol) {
    for (Connection c : connections) {
      Optional<LocalOrderBook> b = c.feed.book(symbol);
      if (b.isPresent()) {
        return b;
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<MarketEvent> poll(Duration timeout) {
    if (!(delivery instanceof Queue q)) {
      throw new IllegalStateException("This stream delivers to a listener; poll() is for queue mode");
    }
    return q.poll(timeout);
  }

  @Override
  public synchronized int connections() {
    int open = 0;
    for (Connection c : connections) {
      if (c.session.state() == io.tickguard.core.stream.StreamState.OPEN) {
        open++;
      }
    }
    return open;
  }

  @Override
  public synchronized int connectionsOpened() {
    int n = 0;
    for (Connection c : connections) {
      n += c.session.connections();
    }
    return n;
  }

  @Override
  public synchronized long droppedEvents() {
    long n = delivery instanceof Queue q ? q.dropped() : 0;
    for (Connection c : connections) {
      n += c.session.droppedEvents();
    }
    return n;
  }

  @Override
  public void close() {
    List<Connection> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = List.copyOf(connections);
    }
    for (Connection c : toClose) {
      c.session.close();
      c.feed.onDisconnect("the stream was closed", c.silent);
    }
    delivery.closed();
  }

  /**
   * The queue refused an event (FAIL): the subscription fails, so every connection ends now rather
   * than keep reading into a queue nobody will trust; poll() reports the failure.
   */
  private void failed() {
    List<Connection> toClose;
    synchronized (this) {
      failed = true;
      toClose = List.copyOf(connections);
    }
    for (Connection c : toClose) {
      c.session.close(); // from a session's own delivery thread, close() does not wait for it
      c.feed.onDisconnect("the consumer fell behind", c.silent);
    }
  }

  private static void send(Connection c, List<String> messages) {
    for (String m : messages) {
      try {
        c.session.send(m);
      } catch (StreamClosedException e) {
        return; // between connections: the next connection subscribes everything anyway
      }
    }
  }

  /** One connection: its feed, its session, and the bridge from the session's delivery thread. */
  private final class Connection implements StreamListener<MarketEvent> {
    final Feed feed;
    final FeedOutput direct = delivery::event;
    final FeedOutput silent = event -> { };
    StreamSession<MarketEvent> session;

    Connection(Feed feed) {
      this.feed = feed;
    }

    @Override
    public void onEvent(MarketEvent event) {
      delivery.event(event);
    }

    @Override
    public void onSignal(StreamSignal signal) {
      delivery.signal(signal); // books were invalidated when the connection ended, before this signal
    }
  }

  /** Where events of every connection end up. */
  private interface Delivery {
    void event(MarketEvent event);

    void signal(StreamSignal signal);

    void closed();
  }

  /** Listener mode: one listener, never called concurrently. */
  private static final class Serialised implements Delivery {
    private final StreamListener<MarketEvent> listener;

    Serialised(StreamListener<MarketEvent> listener) {
      this.listener = listener;
    }

    @Override
    public synchronized void event(MarketEvent event) {
      listener.onEvent(event);
    }

    @Override
    public synchronized void signal(StreamSignal signal) {
      listener.onSignal(signal);
    }

    @Override
    public void closed() {}
  }

  /**
   * Queue mode: the delivery threads of every connection put events into one bounded queue; the
   * policy applies when it is full (the delivery thread never waits either).
   */
  private static final class Queue implements Delivery {
    private final int capacity;
    private final Backpressure policy;
    private final Runnable onOverflow;
    private final ArrayDeque<MarketEvent> events = new ArrayDeque<>();
    private long dropped;
    private io.tickguard.core.TickGuardException overflow;
    private boolean closed;

    Queue(int capacity, Backpressure policy, Runnable onOverflow) {
      this.capacity = capacity;
      this.policy = Objects.requireNonNull(policy, "backpressure");
      this.onOverflow = onOverflow;
    }

    @Override
    public void event(MarketEvent event) {
      synchronized (this) {
        if (overflow != null || closed) {
          return;
        }
        if (events.size() < capacity || policy == Backpressure.DROP_OLDEST) {
          if (events.size() == capacity) {
            events.removeFirst();
            dropped++;
          }
          events.addLast(event);
          notifyAll();
          return;
        }
        overflow = new StreamOverflowException(
            "The consumer fell behind: " + capacity + " events were waiting in the market stream's queue", capacity);
        notifyAll();
      }
      onOverflow.run();
    }

    /**
     * A session that failed (its own buffer overflowed, reconnects ran out) fails the queue, and the
     * whole subscription with it, as the queue's own overflow does: otherwise a subscribe after it
     * would be accepted, depending on which of the two buffers overflowed first.
     */
    @Override
    public void signal(StreamSignal signal) {
      synchronized (this) {
        if (!(signal instanceof StreamSignal.Closed c && c.failure().isPresent() && overflow == null)) {
          return;
        }
        overflow = c.failure().get();
        notifyAll();
      }
      onOverflow.run(); // outside this lock, as in event(): it takes the stream's
    }

    @Override
    public synchronized void closed() {
      closed = true;
      notifyAll();
    }

    synchronized long dropped() {
      return dropped;
    }

    synchronized Optional<MarketEvent> poll(Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (events.isEmpty()) {
        if (overflow != null) {
          throw overflow;
        }
        if (closed) {
          throw new StreamClosedException("The market stream is closed");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
      return Optional.of(events.removeFirst());
    }
  }
}
