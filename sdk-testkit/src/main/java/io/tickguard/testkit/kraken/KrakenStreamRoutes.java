package io.tickguard.testkit.kraken;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

/**
 * Kraken WebSocket v2 market data in the sandbox ({@code /v2}), written from Kraken's v2 docs: a
 * {@code status} message on connect (its {@code connection_id} larger than a {@code long}, as in
 * Kraken's example), {@code subscribe}/{@code unsubscribe} with one acknowledgement per symbol, the
 * {@code book} channel's snapshot and updates at the subscribed depth with the CRC32 checksum of the
 * top 10 levels (prices and quantities as JSON numbers, as Kraken sends them), and {@code heartbeat}.
 * A level pushed out of the subscribed depth by an insert is not deleted on the wire; the client
 * truncates, as Kraken documents.
 *
 * <p>The authenticated {@code level3} channel ({@link KrakenLevel3}) checks the token of every
 * subscribe against {@link #tokens()} and answers {@code ESession:Invalid session} (Kraken's error
 * shape: {@code error}, {@code method}, {@code req_id}, {@code status}, {@code success}, {@code
 * symbol}, {@code time_in}, {@code time_out}) for a token too old to establish a connection.
 *
 * <p>Faults: {@link #corruptNextChecksum}, {@link #corruptNextLevel3Checksum}, {@link
 * #dropConnections()}, and {@code tokens().expireAll()}. {@link #level3Orders} is the truth a client's
 * order-level book is compared with.
 */
public final class KrakenStreamRoutes implements LiveStreams {
  /** The connection id of every status message: Kraken's documented example, beyond {@code Long.MAX_VALUE}. */
  public static final String CONNECTION_ID = "13834774380200032777";

  private final List<String> symbols;
  private final long seed;
  private final Map<String, SimBookFeed> feeds = new LinkedHashMap<>();
  private final Set<String> corrupt = ConcurrentHashMap.newKeySet();
  private final Set<String> corruptLevel3 = ConcurrentHashMap.newKeySet();
  private final List<String> level3Acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile StreamSessions sessions;
  private volatile SandboxContext context;
  private final Map<StreamSessions.Session, Map<String, View>> views = new ConcurrentHashMap<>();
  private final Map<StreamSessions.Session, Map<String, KrakenLevel3>> level3 = new ConcurrentHashMap<>();
  private final Map<StreamSessions.Session, Set<String>> acceptedTokens = new ConcurrentHashMap<>();
  private final KrakenWsTokenIssuer tokens = new KrakenWsTokenIssuer();

  /** Streams for the given canonical symbols ({@code BTC-USDT}), books seeded with {@code seed}. */
  public KrakenStreamRoutes(long seed, String... symbols) {
    this.seed = seed;
    this.symbols = List.of(symbols);
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A KrakenStreamRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    this.sessions = new StreamSessions(ctx.clock());
    for (String s : symbols) {
      feeds.put(wire(s), new SimBookFeed(ctx.market(), s, seed, 200));
    }
    table.on("GET", "/v2").unlimited().handle(r -> SandboxResponse.webSocket(new Listener()));
  }

  /** The book feed of {@code symbol} (canonical, {@code BTC-USDT}): the truth to compare with. */
  public SimBookFeed feed(String symbol) {
    return Objects.requireNonNull(feeds.get(wire(symbol)), "no stream book for " + symbol);
  }

  /**
   * The tokens the {@code level3} channel accepts: give it to {@code
   * KrakenRoutes.builder().webSocketTokens(...)} so that REST issues them.
   */
  public KrakenWsTokenIssuer tokens() {
    return tokens;
  }

  /** Connections accepted so far. */
  public int connectionsOpened() {
    return sessions.opened();
  }

  /** The sessions open now. */
  public List<StreamSessions.Session> openSessions() {
    return sessions.open();
  }

  /** The checksum of the next book message of {@code symbol} is off by one. */
  public void corruptNextChecksum(String symbol) {
    corrupt.add(wire(symbol));
  }

  /**
   * The checksum of the next {@code level3} message of {@code symbol} actually sent (snapshot or
   * update) is off by one; spent by that one message.
   */
  public void corruptNextLevel3Checksum(String symbol) {
    corruptLevel3.add(wire(symbol));
  }

  /**
   * The {@code level3} orders of {@code symbol} (canonical, {@code BTC-USDT}) as the sandbox last
   * sent them on the one connection subscribed to it: bids best first, then asks best first, each
   * price level in queue order; empty when no connection is subscribed.
   *
   * @throws IllegalStateException when more than one connection is subscribed to it
   */
  public List<KrakenLevel3Order> level3Orders(String symbol) {
    String w = wire(symbol);
    List<KrakenLevel3> subscribed = new ArrayList<>();
    level3.values().forEach(m -> {
      KrakenLevel3 v = m.get(w);
      if (v != null) {
        subscribed.add(v);
      }
    });
    if (subscribed.size() > 1) {
      throw new IllegalStateException(subscribed.size() + " connections subscribe level3 " + w + "; ask with one");
    }
    return subscribed.isEmpty() ? List.of() : subscribed.get(0).orders();
  }

  /** Connections subscribed to the {@code level3} channel of {@code symbol} now. */
  public int level3Subscribers(String symbol) {
    String w = wire(symbol);
    int n = 0;
    for (Map<String, KrakenLevel3> m : level3.values()) {
      n += m.containsKey(w) ? 1 : 0;
    }
    return n;
  }

  /**
   * Every {@code level3} request the sandbox accepted (a valid token, a known symbol), in order, as
   * {@code "subscribe BTC/USDT depth=10"} or {@code "unsubscribe BTC/USDT depth=10"}.
   */
  public List<String> level3Acknowledged() {
    return List.copyOf(level3Acknowledged);
  }

  /** Ends every connection at once (close code 1011). */
  public void dropConnections() {
    sessions.dropAll();
  }

  @Override
  public List<String> symbols() {
    return symbols;
  }

  /** Trades on the {@code trade} channel as Kraken's v2 docs show them ({@code type} {@code update}). */
  @Override
  public List<SimTrade> publishTrades(String symbol, int count) {
    String w = wire(symbol);
    List<SimTrade> out = feed(symbol).nextTrades(count, context.clock().instant());
    for (SimTrade t : out) {
      sessions.publish("trade:" + w, "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + w
          + "\",\"side\":\"" + (t.buyerMaker() ? "sell" : "buy") + "\",\"price\":" + t.price().toPlainString()
          + ",\"qty\":" + t.quantity().toPlainString() + ",\"ord_type\":\"market\",\"trade_id\":" + t.id()
          + ",\"timestamp\":\"" + t.time() + "\"}]}");
    }
    return out;
  }

  /** Sends {@code {"channel":"heartbeat"}} on every connection. */
  @Override
  public void heartbeat() {
    for (StreamSessions.Session s : sessions.open()) {
      s.socket().send("{\"channel\":\"heartbeat\"}");
    }
  }

  /** Applies {@code count} changes to the book of {@code symbol} and sends each subscriber its update. */
  @Override
  public void publishBook(String symbol, int count) {
    SimBookFeed feed = feed(symbol);
    String w = wire(symbol);
    for (int i = 0; i < count; i++) {
      SimBookDiff d = feed.next();
      // The fault is spent only by an update actually sent: a change outside a subscriber's depth
      // sends nothing, and consuming the fault there would silently lose it.
      boolean corruptThis = corrupt.contains(w);
      for (StreamSessions.Session s : sessions.open()) {
        View view = views.getOrDefault(s, Map.of()).get(w);
        if (view == null) {
          continue;
        }
        synchronized (view) {
          SimOrderBook now = feed.snapshot(view.depth);
          List<SimLevel> bids = changes(view.bids, now.bids(), d.bids());
          List<SimLevel> asks = changes(view.asks, now.asks(), d.asks());
          view.bids = now.bids();
          view.asks = now.asks();
          if (bids.isEmpty() && asks.isEmpty()) {
            continue;
          }
          s.socket().send(book("update", w, bids, asks, checksum(now, feed, corruptThis)));
          if (corruptThis) {
            corrupt.remove(w);
            corruptThis = false;
          }
        }
      }
      for (StreamSessions.Session s : sessions.open()) {
        KrakenLevel3 orders = level3.getOrDefault(s, Map.of()).get(w);
        boolean corruptOrders = corruptLevel3.contains(w);
        String message = orders == null ? null : orders.update(d.bids(), d.asks(), context.clock().instant(), corruptOrders);
        if (message != null) {
          s.socket().send(message);
          if (corruptOrders) {
            corruptLevel3.remove(w); // spent only by a message actually sent, as for the book channel
          }
        }
      }
    }
  }

  /**
   * What Kraken sends for one change at a subscribed depth: every level of the new view that is new
   * or changed, and a zero quantity for each level the change deleted from the old view.
   */
  private static List<SimLevel> changes(List<SimLevel> before, List<SimLevel> after, List<SimLevel> diff) {
    Map<BigDecimal, BigDecimal> old = new HashMap<>();
    before.forEach(l -> old.put(l.price(), l.quantity()));
    List<SimLevel> out = new ArrayList<>();
    for (SimLevel l : diff) {
      if (l.quantity().signum() == 0 && old.containsKey(l.price())) {
        out.add(l);
      }
    }
    for (SimLevel l : after) {
      BigDecimal was = old.get(l.price());
      if (was == null || was.compareTo(l.quantity()) != 0) {
        out.add(l);
      }
    }
    return out;
  }

  private String book(String type, String w, List<SimLevel> bids, List<SimLevel> asks, long checksum) {
    StringBuilder json = new StringBuilder(512).append("{\"channel\":\"book\",\"type\":\"").append(type)
        .append("\",\"data\":[{\"symbol\":\"").append(w).append("\",\"bids\":");
    levels(json, bids);
    json.append(",\"asks\":");
    levels(json, asks);
    return json.append(",\"checksum\":").append(checksum).append(",\"timestamp\":\"")
        .append(Instant.now(context.clock())).append("\"}]}").toString();
  }

  private static void levels(StringBuilder json, List<SimLevel> levels) {
    json.append('[');
    for (int i = 0; i < levels.size(); i++) {
      SimLevel l = levels.get(i);
      json.append(i == 0 ? "{\"price\":" : ",{\"price\":").append(l.price().toPlainString())
          .append(",\"qty\":").append(l.quantity().toPlainString()).append('}');
    }
    json.append(']');
  }

  /** Kraken's book checksum, written here from its guide independently of the client's. */
  static long checksum(SimOrderBook book, SimBookFeed feed, boolean corrupt) {
    int pricePrecision = Math.max(0, feed.instrument().tickSize().stripTrailingZeros().scale());
    int qtyPrecision = Math.max(0, feed.instrument().lotSize().stripTrailingZeros().scale());
    StringBuilder text = new StringBuilder();
    for (SimLevel l : book.asks().subList(0, Math.min(10, book.asks().size()))) {
      text.append(digits(l.price(), pricePrecision)).append(digits(l.quantity(), qtyPrecision));
    }
    for (SimLevel l : book.bids().subList(0, Math.min(10, book.bids().size()))) {
      text.append(digits(l.price(), pricePrecision)).append(digits(l.quantity(), qtyPrecision));
    }
    CRC32 crc = new CRC32();
    crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
    return corrupt ? (crc.getValue() + 1) & 0xFFFFFFFFL : crc.getValue();
  }

  private static String digits(BigDecimal v, int precision) {
    String s = v.setScale(precision, RoundingMode.UNNECESSARY).toPlainString().replace(".", "");
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  private static String wire(String canonical) {
    return canonical.replace('-', '/');
  }

  /** What one session was last sent for one symbol. */
  private static final class View {
    final int depth;
    List<SimLevel> bids = List.of();
    List<SimLevel> asks = List.of();

    View(int depth) {
      this.depth = depth;
    }
  }

  /** The server side of one connection. */
  private final class Listener extends WebSocketListener {
    private StreamSessions.Session session;

    @Override
    public void onOpen(WebSocket socket, Response response) {
      session = sessions.open(socket);
      views.put(session, new ConcurrentHashMap<>());
      socket.send("{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":" + CONNECTION_ID
          + ",\"system\":\"online\",\"version\":\"2.0.0\"}],\"type\":\"update\"}");
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      JsonNode request = SandboxJson.read(text);
      String method = request.path("method").asString("");
      JsonNode params = request.path("params");
      String channel = params.path("channel").asString("");
      String now = Instant.now(context.clock()).toString();
      if (channel.equals("level3")) {
        level3(socket, request, method, params, now);
        return;
      }
      for (JsonNode sym : params.path("symbol")) {
        String w = sym.asString();
        SimBookFeed feed = feeds.get(w);
        if (channel.equals("trade") && feed != null) {
          if (method.equals("unsubscribe")) {
            session.topics().remove("trade:" + w);
          } else {
            session.topics().add("trade:" + w);
          }
          socket.send("{\"method\":\"" + method + "\",\"result\":{\"channel\":\"trade\",\"snapshot\":false,\"symbol\":\""
              + w + "\"},\"success\":true,\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\""
              + (request.has("req_id") ? ",\"req_id\":" + request.get("req_id") : "") + "}");
          continue;
        }
        if (!channel.equals("book") || feed == null) {
          socket.send("{\"method\":\"" + method + "\",\"error\":\"Currency pair not supported " + w
              + "\",\"success\":false,\"symbol\":\"" + w + "\",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
          continue;
        }
        Map<String, View> mine = views.get(session);
        int depth = params.path("depth").asInt(10);
        socket.send("{\"method\":\"" + method + "\",\"result\":{\"channel\":\"book\",\"depth\":" + depth
            + ",\"snapshot\":true,\"symbol\":\"" + w + "\"},\"success\":true,\"time_in\":\"" + now + "\",\"time_out\":\"" + now
            + "\"" + (request.has("req_id") ? ",\"req_id\":" + request.get("req_id") : "") + "}");
        if (method.equals("unsubscribe")) {
          mine.remove(w);
          continue;
        }
        View view = new View(depth);
        synchronized (view) {
          mine.put(w, view);
          SimOrderBook book = feed.snapshot(depth);
          view.bids = book.bids();
          view.asks = book.asks();
          socket.send(book("snapshot", w, book.bids(), book.asks(), checksum(book, feed, corrupt.remove(w))));
        }
      }
    }

    /**
     * {@code level3}: the token must be one the issuer gave within 15 minutes, or one a subscription
     * on this connection already succeeded with; otherwise Kraken's refusal, per symbol.
     */
    private void level3(WebSocket socket, JsonNode request, String method, JsonNode params, String now) {
      String token = params.path("token").asString("");
      Set<String> accepted = acceptedTokens.computeIfAbsent(session, k -> ConcurrentHashMap.newKeySet());
      boolean valid = accepted.contains(token) || tokens.mayConnect(token, context.clock().instant());
      String reqId = request.has("req_id") ? ",\"req_id\":" + request.get("req_id") : "";
      int depth = params.path("depth").asInt(10);
      Map<String, KrakenLevel3> mine = level3.computeIfAbsent(session, k -> new ConcurrentHashMap<>());
      for (JsonNode sym : params.path("symbol")) {
        String w = sym.asString();
        SimBookFeed feed = feeds.get(w);
        if (!valid) {
          socket.send("{\"error\":\"ESession:Invalid session\",\"method\":\"" + method + "\"" + reqId
              + ",\"status\":\"error\",\"success\":false,\"symbol\":\"" + w + "\",\"time_in\":\"" + now
              + "\",\"time_out\":\"" + now + "\"}");
          continue;
        }
        if (feed == null) {
          socket.send("{\"method\":\"" + method + "\",\"error\":\"Currency pair not supported " + w
              + "\",\"success\":false,\"symbol\":\"" + w + "\",\"time_in\":\"" + now + "\",\"time_out\":\"" + now + "\"}");
          continue;
        }
        accepted.add(token);
        boolean unsubscribe = method.equals("unsubscribe");
        if (unsubscribe) {
          mine.remove(w); // before the ack: nothing of the symbol follows it
        }
        level3Acknowledged.add(method + " " + w + " depth=" + depth);
        socket.send("{\"method\":\"" + method + "\",\"result\":{\"channel\":\"level3\",\"depth\":" + depth
            + (unsubscribe ? "" : ",\"snapshot\":true") + ",\"symbol\":\"" + w + "\"},\"success\":true,\"time_in\":\""
            + now + "\",\"time_out\":\"" + now + "\"" + reqId + "}");
        if (unsubscribe) {
          continue;
        }
        KrakenLevel3 view = new KrakenLevel3(w, depth, feed);
        synchronized (view) {
          mine.put(w, view);
          socket.send(view.snapshot(context.clock().instant(), corruptLevel3.remove(w)));
        }
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
        views.remove(session);
        level3.remove(session);
        acceptedTokens.remove(session);
      }
    }
  }
}
