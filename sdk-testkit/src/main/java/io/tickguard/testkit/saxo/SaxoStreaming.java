package io.tickguard.testkit.saxo;

import io.tickguard.testkit.OAuthServer;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saxo's plain WebSocket streaming service, as its developer documentation and samples describe it.
 *
 * <ul>
 *   <li>One connection per {@code contextId} ({@code GET .../streaming/ws/connect}, bearer token),
 *       carrying every subscription created over REST with that context.
 *   <li>Each WebSocket message holds one or more binary frames: 8-byte little-endian message id, 2
 *       reserved bytes, the reference id's length and ASCII bytes, a payload format byte (0 = JSON),
 *       a 4-byte little-endian payload size and the payload. {@link #publish()} sends the price
 *       deltas of every subscription of a context as the frames of one message.
 *   <li>Control messages {@code _heartbeat}, {@code _resetsubscriptions} and {@code _disconnect};
 *       the connection is cut with {@code _disconnect} as soon as the token it was (re-)authorized
 *       with is no longer valid, so a client must {@code PUT .../streaming/ws/authorize} every new
 *       token before the old one expires.
 *   <li>A reconnect with the same context and {@code messageid} gets the messages after that id
 *       again, from the last 10,000 sent.
 * </ul>
 *
 * <p>Nothing is sent on a timer: a test calls {@link #publish()}, {@link #heartbeat(String)} and the
 * others, so every run sends the same messages. Thread-safe.
 */
public final class SaxoStreaming {
  /** The OAuth scope a streaming connection needs. */
  public static final String SCOPE = SaxoRoutes.SCOPE;

  private static final int REPLAY_CAPACITY = 10_000;

  private final SaxoFx fx;
  private final OAuthServer oauth;
  private final Map<String, Context> contexts = new HashMap<>();

  SaxoStreaming(SaxoFx fx, OAuthServer oauth) {
    this.fx = fx;
    this.oauth = oauth;
  }

  private record Sent(long id, byte[] frame) {}

  private static final class Subscription {
    final String referenceId;
    final List<SaxoFx.Pair> pairs;
    final Map<Integer, JsonNode> lastQuotes = new HashMap<>();

    Subscription(String referenceId, List<SaxoFx.Pair> pairs) {
      this.referenceId = referenceId;
      this.pairs = pairs;
    }
  }

  private static final class Context {
    final String id;
    WebSocket socket;
    String token;
    long lastMessageId;
    int connects;
    int reauthorizations;
    int disconnectsSent;
    final List<Long> resumedFrom = new ArrayList<>();
    final Deque<Sent> sent = new ArrayDeque<>();
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    Context(String id) {
      this.id = id;
    }
  }

  // ---- REST side -------------------------------------------------------------------------------

  synchronized SandboxResponse connect(SandboxRequest request) {
    Optional<SandboxResponse> refused = oauth.challenge(request, SCOPE);
    if (refused.isPresent()) {
      return SaxoRoutes.unauthorized(refused.get());
    }
    String contextId = request.query("contextId").orElse("");
    if (!SaxoRoutes.validId(contextId)) {
      return SaxoRoutes.error(400, "InvalidRequest", "contextId must be 1-50 characters of a-z, A-Z, 0-9, - and _");
    }
    long resumeAfter;
    try {
      resumeAfter = request.query("messageid").map(Long::parseLong).orElse(-1L);
    } catch (NumberFormatException e) {
      return SaxoRoutes.error(400, "InvalidRequest", "messageid must be a number");
    }
    Context context = contexts.computeIfAbsent(contextId, Context::new);
    String token = bearer(request);
    return SandboxResponse.webSocket(new Listener(context, token, resumeAfter));
  }

  synchronized SandboxResponse authorize(SandboxRequest request) {
    Optional<SandboxResponse> refused = oauth.challenge(request, SCOPE);
    if (refused.isPresent()) {
      return SaxoRoutes.unauthorized(refused.get());
    }
    Context context = contexts.get(request.query("contextid").orElse(""));
    if (context == null) {
      return SaxoRoutes.error(404, "NotFound", "No streaming connection with this context id");
    }
    context.token = bearer(request);
    context.reauthorizations++;
    return SandboxResponse.of(202, null, new byte[0]);
  }

  synchronized SandboxResponse subscribe(String contextId, String referenceId, List<SaxoFx.Pair> pairs, int refreshRate) {
    Context context = contexts.computeIfAbsent(contextId, Context::new);
    Subscription subscription = new Subscription(referenceId, pairs);
    ArrayNode data = SandboxJson.array();
    for (SaxoFx.Pair pair : pairs) {
      ObjectNode price = fx.infoPrice(pair);
      subscription.lastQuotes.put(pair.uic(), price.get("Quote").deepCopy());
      data.add(price);
    }
    context.subscriptions.put(referenceId, subscription); // the same ReferenceId replaces the old one
    ObjectNode body = SandboxJson.object()
        .put("ContextId", contextId)
        .put("Format", "application/json")
        .put("InactivityTimeout", 60)
        .put("ReferenceId", referenceId)
        .put("RefreshRate", refreshRate);
    body.set("Snapshot", SandboxJson.object().set("Data", data));
    body.put("State", "Active");
    return SandboxResponse.json(201, body);
  }

  synchronized SandboxResponse unsubscribe(String contextId, String referenceId) {
    Context context = contexts.get(contextId);
    if (context == null || context.subscriptions.remove(referenceId) == null) {
      return SaxoRoutes.error(404, "SubscriptionNotFound", "No subscription " + referenceId + " in this context");
    }
    return SandboxResponse.of(202, null, new byte[0]);
  }

  // ---- test controls ---------------------------------------------------------------------------

  /**
   * Sends every context's price changes since its last message: for each subscription with changed
   * quotes one frame whose payload lists the changed fields by Uic, all frames of a context in one
   * WebSocket message. A context whose token is no longer valid gets {@code _disconnect} instead
   * and its connection is closed. Messages of a context without a connection are kept for replay.
   *
   * @return the number of data frames produced
   */
  public synchronized int publish() {
    int frames = 0;
    for (Context context : contexts.values()) {
      if (context.socket != null && (context.token == null || !oauth.stillValid(context.token))) {
        sendDisconnect(context);
        continue;
      }
      List<byte[]> message = new ArrayList<>();
      for (Subscription s : context.subscriptions.values()) {
        ArrayNode updates = SandboxJson.array();
        for (SaxoFx.Pair pair : s.pairs) {
          ObjectNode quote = fx.quote(pair);
          ObjectNode delta = delta(s.lastQuotes.get(pair.uic()), quote);
          if (!delta.isEmpty()) {
            s.lastQuotes.put(pair.uic(), quote);
            ObjectNode update = SandboxJson.object().put("LastUpdated", fx.now().toString());
            update.set("Quote", delta);
            update.put("Uic", pair.uic());
            updates.add(update);
          }
        }
        if (!updates.isEmpty()) {
          message.add(record(context, s.referenceId, updates));
          frames++;
        }
      }
      send(context, message);
    }
    return frames;
  }

  /** Sends {@code _heartbeat} naming every subscription of {@code contextId}. */
  public synchronized void heartbeat(String contextId) {
    Context context = require(contextId);
    ArrayNode beats = SandboxJson.array();
    context.subscriptions.keySet().forEach(ref ->
        beats.add(SandboxJson.object().put("OriginatingReferenceId", ref).put("Reason", "NoNewData")));
    ObjectNode control = SandboxJson.object().put("ReferenceId", "_heartbeat");
    control.set("Heartbeats", beats);
    send(context, List.of(record(context, "_heartbeat", SandboxJson.array().add(control))));
  }

  /**
   * Sends {@code _resetsubscriptions} for {@code referenceIds} (empty: all) and forgets those
   * subscriptions, which the client must create again.
   */
  public synchronized void resetSubscriptions(String contextId, List<String> referenceIds) {
    Context context = require(contextId);
    ObjectNode control = SandboxJson.object().put("ReferenceId", "_resetsubscriptions");
    ArrayNode targets = SandboxJson.array();
    referenceIds.forEach(targets::add);
    control.set("TargetReferenceIds", targets);
    if (referenceIds.isEmpty()) {
      context.subscriptions.clear();
    } else {
      referenceIds.forEach(context.subscriptions::remove);
    }
    send(context, List.of(record(context, "_resetsubscriptions", SandboxJson.array().add(control))));
  }

  /** Sends {@code _disconnect} and closes the connection of {@code contextId}. */
  public synchronized void disconnect(String contextId) {
    sendDisconnect(require(contextId));
  }

  /**
   * Ends the connection of {@code contextId} without a control message, with close code 1001 (going
   * away), as a restarting load balancer does; the context and its subscriptions stay, so a
   * reconnect with {@code messageid} resumes. (OkHttp's server side cannot abort a socket without a
   * close frame.)
   */
  public synchronized void dropConnection(String contextId) {
    Context context = require(contextId);
    if (context.socket != null) {
      context.socket.close(1001, "going away");
      context.socket = null;
    }
  }

  /** Whether {@code contextId} has an open connection. */
  public synchronized boolean connected(String contextId) {
    Context c = contexts.get(contextId);
    return c != null && c.socket != null;
  }

  /** How many times a connection was opened for {@code contextId}. */
  public synchronized int connects(String contextId) {
    Context c = contexts.get(contextId);
    return c == null ? 0 : c.connects;
  }

  /** How many {@code PUT .../ws/authorize} calls {@code contextId} received. */
  public synchronized int reauthorizations(String contextId) {
    Context c = contexts.get(contextId);
    return c == null ? 0 : c.reauthorizations;
  }

  /** How many {@code _disconnect} messages {@code contextId} was sent. */
  public synchronized int disconnectsSent(String contextId) {
    Context c = contexts.get(contextId);
    return c == null ? 0 : c.disconnectsSent;
  }

  /** The {@code messageid} values reconnects of {@code contextId} resumed from, in order. */
  public synchronized List<Long> resumedFrom(String contextId) {
    Context c = contexts.get(contextId);
    return c == null ? List.of() : List.copyOf(c.resumedFrom);
  }

  /** The id of the last message produced for {@code contextId}. */
  public synchronized long lastMessageId(String contextId) {
    return require(contextId).lastMessageId;
  }

  /** The reference ids of the subscriptions {@code contextId} has. */
  public synchronized List<String> subscriptions(String contextId) {
    Context c = contexts.get(contextId);
    return c == null ? List.of() : List.copyOf(c.subscriptions.keySet());
  }

  // ---- internals -------------------------------------------------------------------------------

  private Context require(String contextId) {
    Context c = contexts.get(contextId);
    if (c == null) {
      throw new IllegalArgumentException("No streaming context " + contextId);
    }
    return c;
  }

  private void sendDisconnect(Context context) {
    byte[] frame = record(context, "_disconnect", SandboxJson.array().add(SandboxJson.object().put("ReferenceId", "_disconnect")));
    send(context, List.of(frame));
    context.disconnectsSent++;
    if (context.socket != null) {
      context.socket.close(1000, "disconnect");
      context.socket = null;
    }
  }

  /** Encodes one frame with the next message id and keeps it for replay. */
  private static byte[] record(Context context, String referenceId, JsonNode payload) {
    long id = ++context.lastMessageId;
    byte[] frame = frame(id, referenceId, SandboxJson.write(payload).getBytes(StandardCharsets.UTF_8));
    context.sent.addLast(new Sent(id, frame));
    while (context.sent.size() > REPLAY_CAPACITY) {
      context.sent.removeFirst();
    }
    return frame;
  }

  /** Saxo's frame layout, written from its streaming documentation. */
  static byte[] frame(long messageId, String referenceId, byte[] payload) {
    byte[] ref = referenceId.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer out = ByteBuffer.allocate(8 + 2 + 1 + ref.length + 1 + 4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(messageId).putShort((short) 0).put((byte) ref.length).put(ref).put((byte) 0).putInt(payload.length).put(payload);
    return out.array();
  }

  private static void send(Context context, List<byte[]> frames) {
    if (context.socket == null || frames.isEmpty()) {
      return;
    }
    int size = frames.stream().mapToInt(f -> f.length).sum();
    ByteBuffer message = ByteBuffer.allocate(size);
    frames.forEach(message::put);
    context.socket.send(ByteString.of(message.array()));
  }

  private static ObjectNode delta(JsonNode before, ObjectNode now) {
    ObjectNode delta = SandboxJson.object();
    for (String field : List.of("Ask", "Bid", "Mid")) {
      if (before == null || before.get(field) == null || before.get(field).decimalValue().compareTo(now.get(field).decimalValue()) != 0) {
        delta.set(field, now.get(field));
      }
    }
    return delta;
  }

  private static String bearer(SandboxRequest request) {
    return request.header("Authorization").orElse("").substring(7).trim();
  }

  /** The server's end of one connection. */
  private final class Listener extends WebSocketListener {
    private final Context context;
    private final String token;
    private final long resumeAfter;

    Listener(Context context, String token, long resumeAfter) {
      this.context = context;
      this.token = token;
      this.resumeAfter = resumeAfter;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      synchronized (SaxoStreaming.this) {
        if (context.socket != null) {
          context.socket.close(1000, "replaced by a new connection for the same context");
        }
        context.socket = webSocket;
        context.token = token;
        context.connects++;
        if (resumeAfter >= 0) {
          context.resumedFrom.add(resumeAfter);
          List<byte[]> replay = new ArrayList<>();
          for (Sent s : context.sent) {
            if (s.id() > resumeAfter) {
              replay.add(s.frame());
            }
          }
          send(context, replay);
        }
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      forget(webSocket);
      webSocket.close(1000, null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      forget(webSocket);
    }

    private void forget(WebSocket webSocket) {
      synchronized (SaxoStreaming.this) {
        if (context.socket == webSocket) {
          context.socket = null;
        }
      }
    }
  }
}
