package io.tickguard.forex.saxo;

import io.tickguard.core.ApiClient;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import io.tickguard.core.token.AccessToken;
import io.tickguard.core.token.TokenListener;
import io.tickguard.core.token.TokenManager;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.stream.StreamOverflowException;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamState;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.StreamGap;
import io.tickguard.core.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One InfoPrice stream on Saxo's WebSocket: a context of its own, one subscription, the snapshot
 * with every delta merged onto it, control messages handled, and the connection kept alive across
 * token refreshes ({@code PUT .../ws/authorize}) and losses (reconnect with the same context and
 * the last message id, so Saxo resends what was missed; a message id already seen is skipped).
 *
 * <p>Frames are decoded on OkHttp's reader thread, which never waits for the consumer: quotes go to
 * the {@link SaxoEventBuffer}'s non-blocking {@code offer}. Subscribing, re-authorizing and
 * reconnecting run on the client's executor. It is a {@link StreamSession} of {@link QuoteEvent}s so
 * that {@link io.tickguard.forex.QuoteStream} wraps it like any other provider's session, but it
 * keeps its own connection loop (see docs/design/saxo-stream-connection.md).
 */
final class SaxoPriceStream implements StreamSession<QuoteEvent>, TokenListener {
  private static final Logger LOG = LoggerFactory.getLogger(SaxoPriceStream.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiClient rest;
  private final ApiClient streaming;
  private final OkHttpClient sockets;
  private final TokenManager tokens;
  private final Map<Integer, CurrencyPair> byUic;
  private final SaxoEventBuffer queue;
  private final ForexValidators validators;
  private final Clock clock;
  private final ExecutorService executor;
  private final SaxoStreamSettings settings;
  private final String contextId;
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.function.Consumer<SaxoPriceStream> onEnd;

  private final Object lock = new Object();
  private WebSocket socket; // guarded by lock
  private long generation; // guarded by lock
  private String referenceId; // guarded by lock
  private boolean subscribed; // guarded by lock
  private final Map<Integer, ObjectNode> snapshots = new HashMap<>(); // guarded by lock
  private final List<SaxoFrame> early = new ArrayList<>(); // guarded by lock
  private long lastMessageId = -1; // guarded by lock
  private Instant lastMessageAt; // guarded by lock
  private boolean closed; // guarded by lock
  private int attempts; // guarded by lock
  private Loss lostBecause; // guarded by lock
  private Loss lastLoss; // guarded by lock
  private int nextReference; // guarded by lock
  private AutoCloseable tokenRegistration;

  SaxoPriceStream(ApiClient rest, ApiClient streaming, TokenManager tokens, Map<Integer, CurrencyPair> byUic,
      SaxoEventBuffer queue, ForexValidators validators, Clock clock, ExecutorService executor, SaxoStreamSettings settings,
      java.util.function.Consumer<SaxoPriceStream> onEnd) {
    this.onEnd = onEnd;
    this.rest = rest;
    this.streaming = streaming;
    this.sockets = streaming.httpClient().newBuilder().pingInterval(settings.pingInterval()).build();
    this.tokens = tokens;
    this.byUic = Map.copyOf(byUic);
    this.queue = queue;
    this.validators = validators;
    this.clock = clock;
    this.executor = executor;
    this.settings = settings;
    byte[] id = new byte[12];
    RANDOM.nextBytes(id);
    this.contextId = "tg-" + HexFormat.of().formatHex(id);
  }

  /** The streaming context id (for logs and support; not a secret). */
  String contextId() {
    return contextId;
  }

  /** Connects, subscribes and delivers the snapshot; failures reach the caller. */
  void start() {
    queue.startDelivery("tickguard-saxo-quotes-" + contextId);
    tokenRegistration = tokens.addListener(this);
    try {
      CompletableFuture<Void> opened = connect(-1);
      await(opened);
      subscribe();
    } catch (TickGuardException e) {
      shutdown(Optional.of(e), false);
      throw e;
    }
  }

  // ---- connection ------------------------------------------------------------------------------

  private CompletableFuture<Void> connect(long resumeAfter) {
    HttpUrl.Builder url = streaming.config().baseUrl().newBuilder().addPathSegments("streaming/ws/connect")
        .addQueryParameter("contextId", contextId);
    if (resumeAfter >= 0) {
      url.addQueryParameter("messageid", Long.toString(resumeAfter));
    }
    AccessToken token = tokens.token();
    char[] chars = token.value().chars();
    Request request;
    try {
      request = new Request.Builder().url(url.build()).header("Authorization", "Bearer " + new String(chars)).build();
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
    CompletableFuture<Void> opened = new CompletableFuture<>();
    synchronized (lock) {
      long gen = ++generation;
      socket = sockets.newWebSocket(request, new Listener(gen, opened));
    }
    LOG.info("Saxo stream {} connecting{}", contextId, resumeAfter >= 0 ? " from message " + resumeAfter : "");
    return opened;
  }

  private void await(CompletableFuture<Void> opened) {
    try {
      opened.get(streaming.config().connectTimeout().plus(streaming.config().readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TransportException("Saxo streaming connection did not open in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("Interrupted while connecting to Saxo streaming", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof TickGuardException t ? t
          : new TransportException("Saxo streaming connection failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
    }
  }

  private final class Listener extends WebSocketListener {
    private final long gen;
    private final CompletableFuture<Void> opened;

    Listener(long gen, CompletableFuture<Void> opened) {
      this.gen = gen;
      this.opened = opened;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      StreamGap gap = null;
      synchronized (lock) {
        if (gen != generation || closed) {
          webSocket.cancel();
          return;
        }
        int connection = connections.incrementAndGet();
        if (lostBecause != null) {
          Instant now = clock.instant();
          Instant last = lastMessageAt == null || lastMessageAt.isAfter(now) ? now : lastMessageAt;
          if (connection >= 2) {
            gap = new StreamGap(last, now, connection);
          }
          lostBecause = null;
          attempts = 0;
        }
      }
      if (gap != null && !queue.offer(new QuoteEvent.Gap(gap))) {
        overflow();
      }
      LOG.info("Saxo stream {} connected", contextId);
      opened.complete(null);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      synchronized (lock) {
        if (gen != generation || closed) {
          return;
        }
      }
      try {
        for (SaxoFrame frame : SaxoFrameReader.readMessage(bytes.asByteBuffer(), settings.maxPayloadBytes())) {
          handle(frame);
        }
      } catch (TickGuardException e) {
        LOG.warn("Saxo stream {} received a message it cannot read ({}: {}); reconnecting", contextId,
            e.getClass().getSimpleName(), e.getMessage());
        webSocket.cancel();
        lost(gen, Loss.CONNECTION_LOST, e);
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      LOG.warn("Saxo stream {} received a text message; Saxo sends binary frames only. Ignored", contextId);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      lost(gen, Loss.SERVER_CLOSED, new TransportException("Saxo closed the stream (" + code + ")", null));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      TickGuardException cause = response != null && response.code() == 401
          ? new io.tickguard.core.AuthenticationException("Saxo refused the streaming connection's token (401)")
          : new TransportException("Saxo streaming connection failed: " + t.getClass().getSimpleName(), t);
      if (!opened.isDone()) {
        opened.completeExceptionally(cause);
      }
      lost(gen, Loss.CONNECTION_LOST, cause);
    }
  }

  /** The connection of generation {@code gen} is gone: reconnect (unless closed or stale). */
  private void lost(long gen, Loss cause, TickGuardException why) {
    int attempt;
    synchronized (lock) {
      if (gen != generation || closed) {
        return;
      }
      generation++; // callbacks of the lost socket are stale from now on
      socket = null;
      if (lostBecause == null) {
        lostBecause = cause;
      }
      lastLoss = cause;
      attempt = ++attempts;
    }
    if (attempt > settings.maxReconnectAttempts()) {
      shutdown(Optional.of(why), true);
      return;
    }
    reconnects.incrementAndGet();
    long delay = backoffMillis(attempt);
    run(() -> {
      if (delay > 0) {
        try {
          Thread.sleep(delay); // production backoff between attempts; tests configure zero
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      long resumeAfter;
      synchronized (lock) {
        if (closed) {
          return;
        }
        resumeAfter = lastMessageId;
      }
      try {
        connect(resumeAfter);
      } catch (TickGuardException e) {
        long current;
        synchronized (lock) {
          current = generation;
        }
        lost(current, cause, e);
      }
    });
  }

  /** Runs {@code task} on the client's executor; once the client closed, the stream ends instead. */
  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      shutdown(Optional.of(new io.tickguard.core.TickGuardException("The Saxo client was closed")), false);
    }
  }

  private long backoffMillis(int attempt) {
    long max = settings.maxBackoff().toMillis();
    long base = settings.initialBackoff().toMillis();
    if (base == 0) {
      return 0;
    }
    long ceiling = Math.min(max, base << Math.min(20, attempt - 1));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  // ---- frames ----------------------------------------------------------------------------------

  private void handle(SaxoFrame frame) {
    String ref = frame.referenceId();
    synchronized (lock) {
      if (frame.messageId() <= lastMessageId) {
        return; // resent after a reconnect and already delivered
      }
      lastMessageId = frame.messageId();
      lastMessageAt = clock.instant();
      if (!frame.isControl()) {
        if (!ref.equals(referenceId)) {
          return; // a subscription replaced after a reset
        }
        if (!subscribed) {
          early.add(frame);
          return;
        }
      }
    }
    switch (ref) {
      case SaxoControl.HEARTBEAT -> { } // proves the connection alive; nothing else to do
      case SaxoControl.RESET -> {
        if (targetsUs(frame)) {
          LOG.info("Saxo reset the subscription of stream {}; subscribing again", contextId);
          run(this::resubscribe);
        }
      }
      case SaxoControl.DISCONNECT -> {
        LOG.warn("Saxo disconnected stream {}; reconnecting with a fresh token", contextId);
        long gen;
        WebSocket s;
        synchronized (lock) {
          gen = generation;
          s = socket;
        }
        if (s != null) {
          s.cancel();
        }
        lost(gen, Loss.SERVER_CLOSED, new TransportException("Saxo sent _disconnect", null));
      }
      default -> {
        if (frame.isControl()) {
          LOG.debug("Saxo stream {} ignores control message {}", contextId, ref);
        } else {
          apply(frame);
        }
      }
    }
  }

  private boolean targetsUs(SaxoFrame frame) {
    String ours;
    synchronized (lock) {
      ours = referenceId;
    }
    return SaxoControl.resets(json(frame), ours);
  }

  private void apply(SaxoFrame frame) {
    JsonNode payload = json(frame);
    if (!payload.isArray()) {
      throw new InvalidResponseException("payload", "Saxo InfoPrice update is not a JSON array");
    }
    for (int i = 0; i < payload.size(); i++) {
      JsonNode update = payload.get(i);
      int uic = SaxoJson.integer(update, "Uic", "payload[" + i + "].Uic");
      CurrencyPair pair = byUic.get(uic);
      if (pair == null) {
        throw new InvalidResponseException("payload[" + i + "].Uic", "Saxo sent an update for Uic " + uic + ", which is not streamed");
      }
      Quote quote;
      synchronized (lock) {
        ObjectNode snapshot = snapshots.get(uic);
        if (snapshot == null) {
          throw new InvalidResponseException("payload[" + i + "].Uic", "Saxo sent a delta for Uic " + uic + " before its snapshot");
        }
        SaxoJson.merge(snapshot, update);
        quote = SaxoDecoders.quote(snapshot, pair, "payload[" + i + "]");
      }
      deliver(quote);
    }
  }

  private static JsonNode json(SaxoFrame frame) {
    if (frame.payloadFormat() != SaxoFrame.JSON) {
      throw new InvalidResponseException("payloadFormat", "Saxo frame " + frame.messageId() + " is not JSON (format "
          + frame.payloadFormat() + "); this stream subscribes with JSON");
    }
    try {
      return StrictJson.mapper().readTree(frame.payload());
    } catch (tools.jackson.core.JacksonException e) {
      throw new InvalidResponseException("payload", "Saxo frame " + frame.messageId() + " is not valid JSON ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  private void deliver(Quote quote) {
    if (!queue.offer(new QuoteEvent.Price(validators.flagStale(quote)))) {
      overflow();
    }
  }

  private void overflow() {
    shutdown(Optional.of(new StreamOverflowException("The Saxo stream's consumer fell behind: " + queue.capacity()
        + " events were buffered (Backpressure.FAIL); take events faster or choose a larger buffer or DROP_OLDEST",
        queue.capacity())), true);
  }

  // ---- subscription ----------------------------------------------------------------------------

  private void subscribe() {
    String ref;
    synchronized (lock) {
      ref = "q" + (++nextReference);
      referenceId = ref;
      subscribed = false;
      early.clear();
    }
    ObjectNode body = StrictJson.mapper().createObjectNode()
        .put("ContextId", contextId).put("ReferenceId", ref).put("Format", "application/json")
        .put("RefreshRate", settings.refreshRateMillis());
    ObjectNode arguments = body.putObject("Arguments").put("AssetType", "FxSpot");
    arguments.put("Uics", String.join(",", byUic.keySet().stream().sorted().map(String::valueOf).toList()));
    arguments.putArray("FieldGroups").add("Quote").add("DisplayAndFormat");
    JsonNode answer = rest.execute(SaxoEndpoints.SUBSCRIBE.request()
        .jsonBody(body.toString().getBytes(StandardCharsets.UTF_8)).build(), response -> response.json());
    JsonNode data = SaxoJson.array(SaxoJson.field(answer, "Snapshot", "Snapshot"), "Data", "Snapshot.Data");
    List<Quote> first = new ArrayList<>();
    List<SaxoFrame> pending;
    synchronized (lock) {
      snapshots.clear();
      for (int i = 0; i < data.size(); i++) {
        JsonNode item = data.get(i);
        int uic = SaxoJson.integer(item, "Uic", "Snapshot.Data[" + i + "].Uic");
        CurrencyPair pair = byUic.get(uic);
        if (pair == null) {
          throw new InvalidResponseException("Snapshot.Data[" + i + "].Uic", "Saxo's snapshot holds Uic " + uic + ", which was not asked");
        }
        ObjectNode copy = (ObjectNode) item.deepCopy();
        snapshots.put(uic, copy);
        first.add(SaxoDecoders.quote(copy, pair, "Snapshot.Data[" + i + "]"));
      }
      if (!snapshots.keySet().equals(byUic.keySet())) {
        throw new InvalidResponseException("Snapshot.Data", "Saxo's snapshot lacks some of the Uics asked: " + byUic.keySet());
      }
      subscribed = true;
      pending = new ArrayList<>(early);
      early.clear();
    }
    first.forEach(this::deliver);
    for (SaxoFrame f : pending) {
      apply(f);
    }
  }

  private void resubscribe() {
    try {
      subscribe();
    } catch (TickGuardException e) {
      LOG.warn("Saxo stream {} could not subscribe again ({}); ending", contextId, e.getClass().getSimpleName());
      shutdown(Optional.of(e), true);
    }
  }

  // ---- token rotation --------------------------------------------------------------------------

  /** Hands the open connection the new token before the old one expires, so Saxo never cuts it. */
  @Override
  public void onNewToken(AccessToken token) {
    WebSocket s;
    synchronized (lock) {
      if (closed || socket == null) {
        return; // a reconnect presents the new token itself
      }
      s = socket;
    }
    try {
      streaming.execute(SaxoEndpoints.AUTHORIZE_STREAM.request().query("contextid", contextId).build(), r -> Boolean.TRUE);
    } catch (TickGuardException e) {
      LOG.warn("Saxo stream {} could not be re-authorized ({}); reconnecting with the new token", contextId,
          e.getClass().getSimpleName());
      s.cancel();
    }
  }

  // ---- StreamSession ---------------------------------------------------------------------------

  /** The pairs streamed. */
  Set<CurrencyPair> pairs() {
    return Set.copyOf(byUic.values());
  }

  /** Whether the stream still runs (not closed, not given up on). */
  boolean isOpen() {
    synchronized (lock) {
      return !closed;
    }
  }

  /** Why the connection was last lost, if it ever was (the gap itself only says when). */
  Optional<Loss> lastLoss() {
    synchronized (lock) {
      return Optional.ofNullable(lastLoss);
    }
  }

  /** Why a connection ended: Saxo closed it (a close frame or {@code _disconnect}), or it failed. */
  enum Loss {
    SERVER_CLOSED,
    CONNECTION_LOST
  }

  /** Reconnects attempted so far. */
  long reconnects() {
    return reconnects.get();
  }

  @Override
  public StreamState state() {
    synchronized (lock) {
      if (closed) {
        return queue.failure().isPresent() ? StreamState.FAILED : StreamState.CLOSED;
      }
      return lostBecause != null || socket == null ? StreamState.RECONNECTING : StreamState.OPEN;
    }
  }

  /** Saxo's socket carries no client messages: subscriptions are made over REST. */
  @Override
  public void send(String message) {
    throw new InvalidRequestException("message", "Saxo's streaming WebSocket takes no client messages; "
        + "subscriptions are made over REST by the stream itself");
  }

  /** Hands the open connection the current token now ({@code PUT .../ws/authorize}). */
  @Override
  public void reauthorize() {
    run(() -> onNewToken(tokens.token()));
  }

  @Override
  public Optional<QuoteEvent> poll(Duration timeout) {
    return queue.poll(java.util.Objects.requireNonNull(timeout, "timeout"));
  }

  @Override
  public long droppedEvents() {
    return queue.dropped();
  }

  @Override
  public int connections() {
    return connections.get();
  }

  @Override
  public Optional<TickGuardException> failure() {
    return queue.failure();
  }

  @Override
  public void close() {
    shutdown(Optional.empty(), true);
  }

  private void shutdown(Optional<TickGuardException> cause, boolean unsubscribe) {
    WebSocket s;
    String ref;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      s = socket;
      socket = null;
      generation++;
      ref = subscribed ? referenceId : null;
    }
    if (tokenRegistration != null) {
      try {
        tokenRegistration.close();
      } catch (Exception ignored) {
        // removing a listener from a list cannot fail
      }
    }
    if (s != null) {
      s.close(1000, "closed by the client");
    }
    if (unsubscribe && ref != null && cause.isEmpty()) {
      try {
        rest.execute(SaxoEndpoints.UNSUBSCRIBE.request().path("ContextId", contextId).path("ReferenceId", ref).build(),
            r -> Boolean.TRUE);
      } catch (TickGuardException e) {
        LOG.debug("Saxo stream {} could not remove its subscription ({})", contextId, e.getClass().getSimpleName());
      }
    }
    queue.end(cause);
    onEnd.accept(this);
  }

  @Override
  public String toString() {
    return "SaxoPriceStream{" + contextId + ", " + byUic.size() + " pairs}";
  }
}
