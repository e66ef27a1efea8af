package io.tickguard.testkit.binance;

import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.stream.SimBookDiff;
import io.tickguard.testkit.stream.LiveStreams;
import io.tickguard.testkit.stream.SimBookFeed;
import io.tickguard.testkit.market.SimTrade;
import io.tickguard.testkit.stream.StreamSessions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

/**
 * Binance spot market streams in the sandbox, written from {@code web-socket-streams.md}: the
 * combined endpoint {@code /stream} with live {@code SUBSCRIBE}/{@code UNSUBSCRIBE} (reply {@code
 * {"result":null,"id":N}}), {@code depthUpdate} events wrapped as {@code {"stream":..,"data":..}},
 * and {@code GET /api/v3/depth} served from the same book so the documented local-book procedure
 * works end to end. A connection that sends more than 5 messages in a second is closed, as Binance
 * does. Register it <em>before</em> {@link BinanceRoutes} so its {@code /api/v3/depth} answers.
 *
 * <p>Tests drive it: {@link #publishDepth} pushes book changes, and faults are one call each: {@link
 * #skipNextDepthUpdate} (a sequence gap), {@link #dropConnections()}, {@link #serverShutdown()} and
 * {@link #enforceLifetime()} (Binance's 24-hour disconnect on the sandbox clock). {@link #ping()} is
 * one round of Binance's server pings (every {@link #PING_INTERVAL}; a connection that has not
 * answered a ping with a pong within {@link #PONG_TIMEOUT} is closed), driven by the test on the
 * sandbox clock.
 */
public final class BinanceStreamRoutes implements LiveStreams {
  /** Binance closes a connection after 24 hours. */
  public static final Duration LIFETIME = Duration.ofHours(24);
  /** Binance's server sends a ping frame every 20 seconds (web-socket-streams.md). */
  public static final Duration PING_INTERVAL = Duration.ofSeconds(20);
  /** A connection that has not answered a ping with a pong within a minute is disconnected. */
  public static final Duration PONG_TIMEOUT = Duration.ofMinutes(1);
  private static final int MAX_MESSAGES_PER_SECOND = 5;

  private final List<String> symbols;
  private final long seed;
  private final Map<String, SimBookFeed> feeds = new LinkedHashMap<>();
  private final Set<String> skipNext = ConcurrentHashMap.newKeySet();
  private final AtomicInteger snapshotsServed = new AtomicInteger();
  private final AtomicInteger lifetimeCloses = new AtomicInteger();
  private final AtomicInteger pongTimeoutCloses = new AtomicInteger();
  private volatile StreamSessions sessions;
  private volatile SandboxContext context;

  /** Streams for the given canonical symbols ({@code BTC-USDT}), books seeded with {@code seed}. */
  public BinanceStreamRoutes(long seed, String... symbols) {
    this.seed = seed;
    this.symbols = List.of(symbols);
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A BinanceStreamRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    this.sessions = new StreamSessions(ctx.clock());
    for (String s : symbols) {
      feeds.put(wire(s), new SimBookFeed(ctx.market(), s, seed, 200));
    }
    table.on("GET", "/stream").unlimited().handle(r -> SandboxResponse.webSocket(new Listener()));
    table.on("GET", "/ws").unlimited().handle(r -> SandboxResponse.webSocket(new Listener()));
    table.on("GET", "/api/v3/depth").unlimited().handle(this::depth);
  }

  /** The book feed of {@code symbol} (canonical, {@code BTC-USDT}): the truth to compare with. */
  public SimBookFeed feed(String symbol) {
    return Objects.requireNonNull(feeds.get(wire(symbol)), "no stream book for " + symbol);
  }

  /** Connections accepted so far. */
  public int connectionsOpened() {
    return sessions.opened();
  }

  /** The sessions open now. */
  public List<StreamSessions.Session> openSessions() {
    return sessions.open();
  }

  /** REST depth snapshots served so far. */
  public int snapshotsServed() {
    return snapshotsServed.get();
  }

  /** Applies {@code count} changes to the book of {@code symbol} and sends each as a {@code depthUpdate}. */
  public void publishDepth(String symbol, int count) {
    SimBookFeed feed = feed(symbol);
    String w = wire(symbol);
    String stream = w.toLowerCase(Locale.ROOT) + "@depth@100ms";
    for (int i = 0; i < count; i++) {
      SimBookDiff d = feed.next();
      if (skipNext.remove(w)) {
        continue;
      }
      StringBuilder json = new StringBuilder(256).append("{\"stream\":\"").append(stream)
          .append("\",\"data\":{\"e\":\"depthUpdate\",\"E\":").append(context.clock().millis())
          .append(",\"s\":\"").append(w).append("\",\"U\":").append(d.firstUpdateId())
          .append(",\"u\":").append(d.lastUpdateId()).append(",\"b\":");
      levels(json, d.bids());
      json.append(",\"a\":");
      levels(json, d.asks());
      sessions.publish(stream, json.append("}}").toString());
    }
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  @Override
  public void publishBook(String symbol, int count) {
    publishDepth(symbol, count);
  }

  /** Trades as {@code trade} events on {@code <symbol>@trade}, as web-socket-streams.md shows them. */
  @Override
  public List<SimTrade> publishTrades(String symbol, int count) {
    String w = wire(symbol);
    String stream = w.toLowerCase(Locale.ROOT) + "@trade";
    List<SimTrade> out = feed(symbol).nextTrades(count, context.clock().instant());
    for (SimTrade t : out) {
      long millis = t.time().toEpochMilli();
      sessions.publish(stream, "{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"trade\",\"E\":" + millis
          + ",\"s\":\"" + w + "\",\"t\":" + t.id() + ",\"p\":\"" + t.price().toPlainString() + "\",\"q\":\""
          + t.quantity().toPlainString() + "\",\"T\":" + millis + ",\"m\":" + t.buyerMaker() + ",\"M\":true}}");
    }
    return out;
  }

  /** Binance sends no heartbeat message (its server pings at the WebSocket level). */
  @Override
  public void heartbeat() {}

  /** The next book change of {@code symbol} is applied but not sent: the client sees a gap in {@code U}. */
  public void skipNextDepthUpdate(String symbol) {
    skipNext.add(wire(symbol));
  }

  /** Ends every connection at once (close code 1011, see {@link StreamSessions#dropAll()}). */
  public void dropConnections() {
    sessions.dropAll();
  }

  /** Sends {@code serverShutdown} on every connection (they stay open until the client leaves). */
  public void serverShutdown() {
    String event = "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":" + context.clock().millis() + "}}";
    for (StreamSessions.Session s : sessions.open()) {
      s.socket().send(event);
    }
  }

  /** Closes every connection open for 24 hours or more on the sandbox clock. */
  public void enforceLifetime() {
    lifetimeCloses.addAndGet(sessions.closeOlderThan(LIFETIME));
  }

  /** Connections {@link #enforceLifetime()} has closed so far. */
  public int lifetimeCloses() {
    return lifetimeCloses.get();
  }

  /**
   * One round of Binance's server pings on the sandbox clock: a ping frame to every connection that
   * answered its previous ping, and a close (1008) for one whose ping has waited {@link
   * #PONG_TIMEOUT} without a pong. Call it every {@link #PING_INTERVAL} of virtual time (see {@link
   * StreamSessions#ping}).
   */
  public void ping() {
    pongTimeoutCloses.addAndGet(sessions.ping(PONG_TIMEOUT));
  }

  /** Connections {@link #ping()} has closed for a missing pong so far. */
  public int pongTimeoutCloses() {
    return pongTimeoutCloses.get();
  }

  private SandboxResponse depth(SandboxRequest r) {
    String symbol = r.query("symbol").orElse("");
    SimBookFeed feed = feeds.get(symbol);
    if (feed == null) {
      return SandboxResponse.json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    }
    int limit = r.query("limit").filter(s -> s.matches("[0-9]{1,4}")).map(Integer::parseInt).orElse(100);
    if (limit < 1 || limit > 5000) {
      return SandboxResponse.json(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'limit'.\"}");
    }
    SimOrderBook book = feed.snapshot(limit);
    snapshotsServed.incrementAndGet();
    StringBuilder json = new StringBuilder().append("{\"lastUpdateId\":").append(book.sequence()).append(",\"bids\":");
    levels(json, book.bids());
    json.append(",\"asks\":");
    levels(json, book.asks());
    return SandboxResponse.json(200, json.append('}').toString());
  }

  private static void levels(StringBuilder json, List<SimLevel> levels) {
    json.append('[');
    for (int i = 0; i < levels.size(); i++) {
      SimLevel l = levels.get(i);
      json.append(i == 0 ? "[\"" : ",[\"").append(l.price().toPlainString()).append("\",\"")
          .append(l.quantity().toPlainString()).append("\"]");
    }
    json.append(']');
  }

  private static String wire(String canonical) {
    return canonical.replace("-", "");
  }

  /** The server side of one connection. */
  private final class Listener extends WebSocketListener {
    private StreamSessions.Session session;
    private long second = Long.MIN_VALUE;
    private int inSecond;

    @Override
    public void onOpen(WebSocket socket, Response response) {
      session = sessions.open(socket);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      long now = context.clock().millis() / 1000;
      if (now != second) {
        second = now;
        inSecond = 0;
      }
      if (++inSecond > MAX_MESSAGES_PER_SECOND) {
        socket.close(1008, "Too many messages; limit 5 per second");
        return;
      }
      JsonNode request;
      try {
        request = SandboxJson.read(text);
      } catch (RuntimeException e) {
        socket.send("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}");
        return;
      }
      JsonNode id = request.get("id");
      String method = request.path("method").asString("");
      if (!method.equals("SUBSCRIBE") && !method.equals("UNSUBSCRIBE")) {
        socket.send("{\"code\":2,\"msg\":\"Invalid request: unknown variant " + method + "\",\"id\":" + id + "}");
        return;
      }
      for (JsonNode p : request.path("params")) {
        if (method.equals("SUBSCRIBE")) {
          session.topics().add(p.asString());
        } else {
          session.topics().remove(p.asString());
        }
      }
      socket.send("{\"result\":null,\"id\":" + id + "}");
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      sessions.closed(session);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, Response response) {
      if (session != null) {
        sessions.closed(session);
      }
    }
  }
}
