package io.tickguard.testkit.coinbase;

import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.stream.SimBookDiff;
import io.tickguard.testkit.stream.LiveStreams;
import io.tickguard.testkit.stream.SimBookFeed;
import io.tickguard.testkit.market.SimTrade;
import io.tickguard.testkit.stream.StreamSessions;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

/**
 * Coinbase Advanced Trade market data in the sandbox ({@code /}), written from Coinbase's WebSocket
 * pages: one channel per {@code subscribe} message, the JWT of each message verified when present
 * (ES256, a registered CDP key, at most 120 s, no {@code uri} claim; an invalid one is answered with
 * {@code {"type":"error",...}} and the connection closed), a {@code subscriptions} message per
 * subscribe, {@code l2_data} snapshot then updates, {@code heartbeats} with a running {@code
 * heartbeat_counter}, and one {@code sequence_num} per connection counting every message.
 *
 * <p>Faults: {@link #skipNextSequence()} (a lost message), {@link #expireNextJwt()}, {@link
 * #dropConnections()}, {@link #enforceSubscribeDeadline()} (Coinbase closes a connection without a
 * subscribe within 5 seconds).
 */
public final class CoinbaseStreamRoutes implements LiveStreams {
  /** Coinbase closes a connection that has not subscribed within this. */
  public static final Duration SUBSCRIBE_DEADLINE = Duration.ofSeconds(5);

  private final List<String> symbols;
  private final long seed;
  private final Map<String, SimBookFeed> feeds = new LinkedHashMap<>();
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private final AtomicBoolean skipSequence = new AtomicBoolean();
  private final AtomicBoolean expireJwt = new AtomicBoolean();
  private final AtomicLong refusedJwts = new AtomicLong();
  private final AtomicLong acceptedJwts = new AtomicLong();
  private final Map<StreamSessions.Session, Conn> conns = new ConcurrentHashMap<>();
  private volatile StreamSessions sessions;
  private volatile SandboxContext context;
  private volatile CdpJwtVerifier verifier;

  /** Streams for the given canonical symbols ({@code BTC-USD}), books seeded with {@code seed}. */
  public CoinbaseStreamRoutes(long seed, String... symbols) {
    this.seed = seed;
    this.symbols = List.of(symbols);
  }

  /**
   * Accepts JWTs of the CDP key {@code keyName} verifying with {@code publicKey}: an EC P-256 key
   * takes ES256 JWTs, an Ed25519 key EdDSA ones.
   */
  public CoinbaseStreamRoutes cdpKey(String keyName, PublicKey publicKey) {
    keys.put(Objects.requireNonNull(keyName, "keyName"), Objects.requireNonNull(publicKey, "publicKey"));
    return this;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A CoinbaseStreamRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    this.sessions = new StreamSessions(ctx.clock());
    this.verifier = new CdpJwtVerifier(ctx.clock(), name -> Optional.ofNullable(keys.get(name)));
    for (String s : symbols) {
      feeds.put(s, new SimBookFeed(ctx.market(), s, seed, 200));
    }
    table.on("GET", "/").unlimited().handle(r -> SandboxResponse.webSocket(new Listener()));
  }

  /** The book feed of {@code symbol} (canonical, {@code BTC-USD}). */
  public SimBookFeed feed(String symbol) {
    return Objects.requireNonNull(feeds.get(symbol), "no stream book for " + symbol);
  }

  /** Connections accepted so far. */
  public int connectionsOpened() {
    return sessions.opened();
  }

  /** The sessions open now. */
  public List<StreamSessions.Session> openSessions() {
    return sessions.open();
  }

  /** Subscribe messages refused for their JWT so far. */
  public long refusedJwts() {
    return refusedJwts.get();
  }

  /** Subscribe messages whose JWT verified (ES256 or EdDSA, matching the registered key). */
  public long acceptedJwts() {
    return acceptedJwts.get();
  }

  /** The next message to any connection is not sent but still takes a sequence number. */
  public void skipNextSequence() {
    skipSequence.set(true);
  }

  /** The next subscribe message's JWT is treated as expired. */
  public void expireNextJwt() {
    expireJwt.set(true);
  }

  /** Ends every connection at once (close code 1011). */
  public void dropConnections() {
    sessions.dropAll();
  }

  /** Closes every connection that has not subscribed within 5 seconds of opening, on the sandbox clock. */
  public void enforceSubscribeDeadline() {
    Instant now = context.clock().instant();
    for (StreamSessions.Session s : sessions.open()) {
      Conn c = conns.get(s);
      if (c != null && !c.subscribed && !now.isBefore(s.openedAt().plus(SUBSCRIBE_DEADLINE))) {
        s.socket().close(1008, "no subscribe within 5 seconds");
        sessions.closed(s);
      }
    }
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  /** Trades as {@code market_trades} {@code update} events, in the channel page's documented layout. */
  @Override
  public List<SimTrade> publishTrades(String symbol, int count) {
    List<SimTrade> out = feed(symbol).nextTrades(count, context.clock().instant());
    for (SimTrade t : out) {
      String events = "[{\"type\":\"update\",\"trades\":[{\"trade_id\":\"" + t.id() + "\",\"product_id\":\"" + symbol
          + "\",\"price\":\"" + t.price().toPlainString() + "\",\"size\":\"" + t.quantity().toPlainString()
          + "\",\"side\":\"" + (t.buyerMaker() ? "SELL" : "BUY") + "\",\"time\":\"" + t.time() + "\"}]}]";
      for (StreamSessions.Session s : sessions.open()) {
        Conn c = conns.get(s);
        if (c != null && s.topics().contains("market_trades:" + symbol)) {
          synchronized (c) {
            c.send(s, "market_trades", events);
          }
        }
      }
    }
    return out;
  }

  /** Sends a {@code heartbeats} message to every connection subscribed to it. */
  @Override
  public void heartbeat() {
    for (StreamSessions.Session s : sessions.open()) {
      Conn c = conns.get(s);
      if (c != null && s.topics().contains("heartbeats")) {
        synchronized (c) {
          c.send(s, "heartbeats", "[{\"current_time\":\"" + context.clock().instant() + "\",\"heartbeat_counter\":\""
              + c.heartbeats++ + "\"}]");
        }
      }
    }
  }

  /** Applies {@code count} changes to the book of {@code symbol} and sends them as {@code l2_data} updates. */
  @Override
  public void publishBook(String symbol, int count) {
    SimBookFeed feed = feed(symbol);
    for (int i = 0; i < count; i++) {
      SimBookDiff d = feed.next();
      StringBuilder updates = new StringBuilder(256);
      appendUpdates(updates, d.bids(), "bid");
      appendUpdates(updates, d.asks(), "offer");
      for (StreamSessions.Session s : sessions.open()) {
        Conn c = conns.get(s);
        if (c != null && s.topics().contains("level2:" + symbol)) {
          synchronized (c) {
            if (c.synced.contains(symbol)) {
              c.send(s, "l2_data", "[{\"type\":\"update\",\"product_id\":\"" + symbol + "\",\"updates\":[" + updates + "]}]");
            }
          }
        }
      }
    }
  }

  private void appendUpdates(StringBuilder out, List<SimLevel> levels, String side) {
    for (SimLevel l : levels) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append("{\"side\":\"").append(side).append("\",\"event_time\":\"").append(context.clock().instant())
          .append("\",\"price_level\":\"").append(l.price().toPlainString()).append("\",\"new_quantity\":\"")
          .append(l.quantity().toPlainString()).append("\"}");
    }
  }

  /** Per-connection state: the sequence and heartbeat counters and the books sent. */
  private final class Conn {
    long sequence;
    long heartbeats;
    boolean subscribed;
    final java.util.Set<String> synced = ConcurrentHashMap.newKeySet();

    void send(StreamSessions.Session s, String channel, String events) {
      long seq = sequence++;
      if (skipSequence.compareAndSet(true, false)) {
        return;
      }
      s.socket().send("{\"channel\":\"" + channel + "\",\"client_id\":\"\",\"timestamp\":\"" + context.clock().instant()
          + "\",\"sequence_num\":" + seq + ",\"events\":" + events + "}");
    }
  }

  /** The server side of one connection. */
  private final class Listener extends WebSocketListener {
    private StreamSessions.Session session;

    @Override
    public void onOpen(WebSocket socket, Response response) {
      session = sessions.open(socket);
      conns.put(session, new Conn());
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      Conn c = conns.get(session);
      JsonNode m = SandboxJson.read(text);
      String type = m.path("type").asString("");
      String channel = m.path("channel").asString("");
      if (m.has("jwt")) {
        boolean expired = expireJwt.compareAndSet(true, false);
        CdpJwtVerifier.Verdict v = verifier.verifyWebSocket(m.get("jwt").asString(""));
        if (expired || v.keyName().isEmpty()) {
          refusedJwts.incrementAndGet();
          socket.send("{\"type\":\"error\",\"message\":\"authentication failure\"}");
          socket.close(1008, "authentication failure");
          return;
        }
        acceptedJwts.incrementAndGet();
      }
      synchronized (c) {
        c.subscribed = true;
        if (channel.equals("heartbeats")) {
          apply(type, "heartbeats");
          return;
        }
        for (JsonNode p : m.path("product_ids")) {
          String product = p.asString();
          if (channel.equals("market_trades") && feeds.containsKey(product)) {
            apply(type, "market_trades:" + product);
            c.send(session, "subscriptions", "[{\"subscriptions\":{\"market_trades\":[\"" + product + "\"]}}]");
            continue;
          }
          if (!channel.equals("level2") || !feeds.containsKey(product)) {
            continue;
          }
          if (type.equals("unsubscribe")) {
            session.topics().remove("level2:" + product);
            c.synced.remove(product);
            continue;
          }
          session.topics().add("level2:" + product);
          c.send(session, "subscriptions", "[{\"subscriptions\":{\"level2\":[\"" + product + "\"]}}]");
          SimOrderBook book = feeds.get(product).snapshot(100_000);
          StringBuilder updates = new StringBuilder(4096);
          appendUpdates(updates, book.bids(), "bid");
          appendUpdates(updates, book.asks(), "offer");
          c.send(session, "l2_data", "[{\"type\":\"snapshot\",\"product_id\":\"" + product + "\",\"updates\":[" + updates + "]}]");
          c.synced.add(product);
        }
      }
    }

    private void apply(String type, String topic) {
      if (type.equals("unsubscribe")) {
        session.topics().remove(topic);
      } else {
        session.topics().add(topic);
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      forget();
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, Response response) {
      forget();
    }

    private void forget() {
      if (session != null) {
        sessions.closed(session);
        conns.remove(session);
      }
    }
  }
}
