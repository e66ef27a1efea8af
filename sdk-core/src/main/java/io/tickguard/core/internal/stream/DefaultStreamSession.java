package io.tickguard.core.internal.stream;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import io.tickguard.core.internal.pipeline.Pipeline;
import io.tickguard.core.security.KillSwitchEngagedException;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.core.stream.StreamIdleException;
import io.tickguard.core.stream.StreamKind;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamOverflowException;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.stream.StreamState;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.tls.TlsHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session behind {@link StreamSession}: connects through the pipeline, (re)subscribes, detects
 * idle connections on the injected clock and scheduler, reconnects with full-jitter backoff, and
 * hands decoded events through a bounded {@link EventBuffer} to a delivery thread of its own (or to
 * {@link #poll}). Reader threads only decode and buffer; they never wait for the consumer.
 *
 * <p>Locking: {@code lock} guards the connection state (current connection, state, counters, timer
 * tasks) and is never held during I/O or callbacks; {@code protocolLock} makes the protocol see one
 * thread at a time.
 *
 * @param <E> the event type
 */
final class DefaultStreamSession<E> implements StreamSession<E>, ConnectionListener {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultStreamSession.class);

  private final StreamSpec<E> spec;
  private final StreamProtocol<E> protocol;
  private final StreamListener<E> listener;
  private final Pipeline pipeline;
  private final HttpUrl baseUrl;
  private final StreamScheduler scheduler;
  private final Clock clock;
  private final Duration connectBound;
  private final StreamAudit audit;
  private final EventBuffer<E> buffer;
  private final String threadPrefix;
  private final Consumer<DefaultStreamSession<?>> onEnd;

  private final Object lock = new Object();
  private final Object protocolLock = new Object();
  private final List<Connection> retired = new ArrayList<>();
  private volatile StreamState state = StreamState.RECONNECTING;
  private volatile Live current;
  private volatile TickGuardException failure;
  private int attempts; // connects tried so far, also the next connection's number
  private int opened;
  private int consecutiveFailures;
  private StreamScheduler.Task idleTask;
  private StreamScheduler.Task reauthTask;
  private StreamScheduler.Task reconnectTask;
  private volatile Thread delivery;

  /** One open connection and what belongs to it alone. */
  private final class Live {
    final Connection connection;
    final Throttle messages;
    final long openedAtNanos = System.nanoTime();
    final AtomicLong in = new AtomicLong();
    final AtomicLong out = new AtomicLong();
    volatile long lastMessageMillis = clock.millis();
    final Emitter emitter = new Emitter(this);

    Live(Connection connection, Throttle messages) {
      this.connection = connection;
      this.messages = messages;
    }
  }

  DefaultStreamSession(
      StreamSpec<E> spec, StreamListener<E> listener, Pipeline pipeline, HttpUrl baseUrl,
      StreamScheduler scheduler, Clock clock, Duration connectBound, StreamAudit audit, String threadPrefix,
      Consumer<DefaultStreamSession<?>> onEnd) {
    this.spec = spec;
    this.protocol = spec.protocol();
    this.listener = listener;
    this.pipeline = pipeline;
    this.baseUrl = baseUrl;
    this.scheduler = scheduler;
    this.clock = clock;
    this.connectBound = connectBound;
    this.audit = audit;
    this.buffer = new EventBuffer<>(spec.bufferCapacity(), spec.backpressure(), listener != null);
    this.threadPrefix = threadPrefix;
    this.onEnd = onEnd;
  }

  /** The first connect, on the caller's thread; a failure ends the session and is thrown. */
  void start() {
    try {
      connect(OpenReason.FIRST);
    } catch (TickGuardException e) {
      end(StreamState.FAILED, e);
      joinThreads();
      throw e;
    }
  }

  // ---- connecting --------------------------------------------------------------------------

  private void connect(OpenReason reason) {
    int number;
    synchronized (lock) {
      if (state.isFinal()) {
        throw new StreamClosedException("The stream " + name() + " was closed");
      }
      number = ++attempts;
    }
    long start = System.nanoTime();
    Connection connection;
    Duration waited;
    try {
      io.tickguard.core.ApiRequest request = spec.connect(reason);
      if (spec.kind() == StreamKind.NDJSON) {
        Pipeline.OpenedCall call = pipeline.openLines(request, baseUrl, spec.limits().connects());
        waited = call.throttleWait();
        connection = new LinesConnection(number, call.response(), call.httpCall(), request, pipeline, this,
            spec.maxMessageBytes(), threadPrefix + "-reader-" + number);
      } else {
        SocketConnection socket = new SocketConnection(number, request, pipeline, this, spec.maxMessageBytes());
        waited = socket.open(baseUrl, spec.limits().connects(), connectBound);
        connection = socket;
      }
    } catch (TickGuardException e) {
      audit.connectFailed(number, Duration.ofNanos(System.nanoTime() - start), e);
      report(e);
      throw e;
    }
    audit.connected(number, connection.status(), Duration.ofNanos(System.nanoTime() - start), waited);
    Live live = new Live(connection, spec.limits().newMessageThrottle());
    synchronized (lock) {
      if (state.isFinal()) {
        dropConnection(live);
        retire(live, null);
        throw new StreamClosedException("The stream " + name() + " was closed while connecting");
      }
      current = live;
      state = StreamState.OPEN;
      opened++;
    }
    try {
      subscribe(live, reason);
    } catch (TickGuardException e) {
      synchronized (lock) {
        if (current == live) {
          current = null;
          state = StreamState.RECONNECTING;
        }
      }
      dropConnection(live);
      retire(live, e);
      report(e);
      throw e;
    }
    buffer.signal(new StreamSignal.Connected(number, reason));
    if (listener != null && delivery == null) {
      startDelivery();
    }
    connection.startReading();
    synchronized (lock) {
      consecutiveFailures = 0;
      if (current == live && !state.isFinal()) {
        scheduleIdle(live, spec.idleTimeout());
        scheduleReauthorization(live);
      }
    }
  }

  private void subscribe(Live live, OpenReason reason) {
    List<String> messages;
    synchronized (protocolLock) {
      messages = List.copyOf(protocol.onOpen(reason, live.emitter));
    }
    if (spec.kind() == StreamKind.NDJSON && !messages.isEmpty()) {
      throw new InvalidRequestException(
          "protocol", "An NDJSON stream cannot send; its protocol's onOpen must return no messages");
    }
    for (String message : messages) {
      sendOn(live, message);
    }
  }

  private void reconnect() {
    if (state.isFinal()) {
      return;
    }
    try {
      connect(OpenReason.RECONNECT);
    } catch (StreamClosedException closed) {
      // closed meanwhile: nothing to do
    } catch (TickGuardException e) {
      if (permanent(e)) {
        end(StreamState.FAILED, e);
      } else {
        retryLater(e);
      }
    }
  }

  /**
   * Failures a new attempt cannot fix: a refused request, credentials, a pin, a handshake, the
   * client's engaged kill switch (it stops stream connects as it stops calls, until reset).
   */
  private static boolean permanent(TickGuardException e) {
    return e instanceof InvalidRequestException || e instanceof PermissionDeniedException
        || e instanceof AuthenticationException || e instanceof CertificatePinningException
        || e instanceof TlsHandshakeException || e instanceof KillSwitchEngagedException;
  }

  /**
   * Tells the client's security monitor (listener, anomaly detector, kill switch) about a failure
   * that refused a connect, a subscribe or an open connection, as a REST call's would be.
   */
  private void report(TickGuardException e) {
    if (e == null || e instanceof StreamClosedException) {
      return;
    }
    try {
      pipeline.reportedStream(e, name(), baseUrl.host());
    } catch (RuntimeException ignored) {
      // Monitoring must never change how the stream fails.
    }
  }

  private void retryLater(TickGuardException cause) {
    int attempt;
    synchronized (lock) {
      if (state.isFinal()) {
        return;
      }
      state = StreamState.RECONNECTING;
      attempt = ++consecutiveFailures;
    }
    if (attempt > spec.reconnect().maxAttempts()) {
      end(StreamState.FAILED, cause != null ? cause : new TransportException(
          "The stream " + name() + " ended and " + spec.reconnect().maxAttempts()
              + " reconnect attempts are allowed; open a new session or allow more reconnects", null));
      return;
    }
    Duration delay = spec.reconnect().delayBefore(attempt);
    synchronized (lock) {
      if (!state.isFinal()) {
        // Scheduled before it is announced (whoever sees the signal may run the scheduler), and
        // announced under the lock the reconnect takes first (Reconnecting precedes Connected).
        reconnectTask = scheduler.schedule(delay, this::reconnect);
        buffer.signal(new StreamSignal.Reconnecting(attempt, delay));
      }
    }
  }

  // ---- connection events (reader threads) ---------------------------------------------------

  @Override
  public void onText(Connection connection, String text) {
    Live live = liveFor(connection);
    if (live == null) {
      return;
    }
    live.lastMessageMillis = clock.millis();
    live.in.incrementAndGet();
    try {
      synchronized (protocolLock) {
        if (current != live) {
          return; // the connection ended while this message waited: its state is already stale
        }
        protocol.onText(text, live.emitter);
      }
    } catch (TickGuardException e) {
      refused(connection, e);
    } catch (RuntimeException e) {
      onLost(connection, "a message was refused", refusedMessage(e));
    }
  }

  @Override
  public void onBinary(Connection connection, ByteBuffer bytes) {
    Live live = liveFor(connection);
    if (live == null) {
      return;
    }
    live.lastMessageMillis = clock.millis();
    live.in.incrementAndGet();
    try {
      synchronized (protocolLock) {
        if (current != live) {
          return;
        }
        protocol.onBinary(bytes.asReadOnlyBuffer(), live.emitter);
      }
    } catch (TickGuardException e) {
      refused(connection, e);
    } catch (RuntimeException e) {
      onLost(connection, "a message was refused", refusedMessage(e));
    }
  }

  private static InvalidResponseException refusedMessage(RuntimeException e) {
    // The message of a decoder's exception may quote the payload: only its type is kept.
    return new InvalidResponseException(
        "message", "The stream's protocol could not decode a message (" + e.getClass().getSimpleName() + ")");
  }

  @Override
  public void onLost(Connection connection, String reason, TickGuardException cause) {
    Live live;
    synchronized (lock) {
      live = current;
      if (live == null || live.connection != connection || state.isFinal()) {
        return;
      }
      current = null;
      state = StreamState.RECONNECTING;
      cancelTimers();
    }
    report(cause);
    connectionEnded(reason);
    dropConnection(live);
    retire(live, cause);
    buffer.signal(new StreamSignal.Disconnected(connection.number(), reason, Optional.ofNullable(cause)));
    LOG.info("Stream {} lost connection {}: {}", name(), connection.number(), reason);
    retryLater(cause);
  }

  /**
   * The protocol refused a message. The provider refusing the credentials themselves (an {@link
   * AuthenticationException} or {@link PermissionDeniedException}: Kraken refusing a freshly fetched
   * WebSocket token) ends the session, since a new connection would present them again; anything
   * else loses the connection and reconnects.
   */
  private void refused(Connection connection, TickGuardException e) {
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      end(StreamState.FAILED, e);
    } else {
      onLost(connection, "a message was refused", e);
    }
  }

  private Live liveFor(Connection connection) {
    Live live = current;
    return live != null && live.connection == connection ? live : null;
  }

  // ---- timers ----------------------------------------------------------------------------

  private void scheduleIdle(Live live, Duration after) {
    idleTask = scheduler.schedule(after, () -> checkIdle(live));
  }

  private void checkIdle(Live live) {
    long silentMillis = clock.millis() - live.lastMessageMillis;
    Duration timeout = spec.idleTimeout();
    if (silentMillis >= timeout.toMillis()) {
      Duration silence = Duration.ofMillis(silentMillis);
      onLost(live.connection, "no message for " + silence.toMillis() + " ms", new StreamIdleException(
          "The stream " + name() + " sent no message for " + silence.toMillis() + " ms ("
              + spec.missedHeartbeats() + " heartbeat intervals of " + spec.heartbeatInterval().toMillis()
              + " ms): the connection is presumed dead and is replaced", silence));
      return;
    }
    synchronized (lock) {
      if (current == live && !state.isFinal()) {
        scheduleIdle(live, timeout.minusMillis(silentMillis));
      }
    }
  }

  private void scheduleReauthorization(Live live) {
    spec.reauthorizeEvery().ifPresent(every -> reauthTask = scheduler.schedule(every, () -> {
      if (current != live) {
        return;
      }
      runReauthorizer(live);
      synchronized (lock) {
        if (current == live && !state.isFinal()) {
          scheduleReauthorization(live);
        }
      }
    }));
  }

  private void runReauthorizer(Live live) {
    if (live == null || current != live) {
      return;
    }
    try {
      spec.reauthorizer().reauthorize();
    } catch (TickGuardException e) {
      onLost(live.connection, "re-authorization failed", e);
    }
  }

  private void cancelTimers() {
    for (StreamScheduler.Task task : new StreamScheduler.Task[] {idleTask, reauthTask, reconnectTask}) {
      if (task != null) {
        task.cancel();
      }
    }
    idleTask = null;
    reauthTask = null;
    reconnectTask = null;
  }

  // ---- the public API ----------------------------------------------------------------------

  @Override
  public StreamState state() {
    return state;
  }

  @Override
  public void send(String message) {
    Objects.requireNonNull(message, "message");
    if (spec.kind() == StreamKind.NDJSON) {
      throw new InvalidRequestException(
          "message", "An NDJSON stream has no outgoing direction; subscribe through its connect request");
    }
    Live live = current;
    if (live == null || state != StreamState.OPEN) {
      throw new StreamClosedException("The stream " + name() + " is " + state
          + (state.isFinal() ? "" : "; wait for StreamSignal.Connected, whose subscribe messages are sent for you"));
    }
    sendOn(live, message);
  }

  private void sendOn(Live live, String message) {
    live.messages.acquire(spec.connect());
    String signed = spec.signer().sign(message);
    if (!live.connection.send(signed)) {
      throw new StreamClosedException("The connection of stream " + name() + " is closing; the message was not sent");
    }
    live.out.incrementAndGet();
  }

  @Override
  public void reauthorize() {
    Live live = current;
    scheduler.schedule(Duration.ZERO, () -> runReauthorizer(live));
  }

  @Override
  public Optional<E> poll(Duration timeout) {
    if (listener != null) {
      throw new IllegalStateException("This session delivers to its listener; poll() is for queue mode");
    }
    Optional<E> event;
    try {
      event = buffer.poll(Objects.requireNonNull(timeout, "timeout"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    if (event == null) {
      throw new StreamClosedException("The stream " + name() + " ended" + failure().map(f -> ": " + f.getMessage()).orElse(""));
    }
    return event;
  }

  @Override
  public long droppedEvents() {
    return buffer.dropped();
  }

  @Override
  public int connections() {
    synchronized (lock) {
      return opened;
    }
  }

  @Override
  public Optional<TickGuardException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() {
    end(StreamState.CLOSED, null);
    joinThreads();
  }

  // ---- ending ------------------------------------------------------------------------------

  /** Ends the session once: timers, connection, buffer, Closed signal. Safe on any thread. */
  private void end(StreamState finalState, TickGuardException cause) {
    Live live;
    synchronized (lock) {
      if (state.isFinal()) {
        return;
      }
      state = finalState;
      failure = cause;
      live = current;
      current = null;
      cancelTimers();
    }
    if (live != null) {
      connectionEnded(finalState == StreamState.CLOSED ? "the stream was closed" : "the stream failed");
      if (finalState == StreamState.CLOSED) {
        live.connection.close();
      } else {
        dropConnection(live);
      }
      retire(live, cause);
    }
    if (finalState == StreamState.CLOSED) {
      buffer.clearEvents();
    } else {
      LOG.warn("Stream {} failed: {}", name(), cause == null ? "-" : cause.getMessage());
    }
    buffer.signal(new StreamSignal.Closed(Optional.ofNullable(cause)));
    onEnd.accept(this);
  }

  /**
   * Tells the protocol, synchronously and before any signal about it is queued, that the current
   * connection ended ({@code current} is already cleared, so no further message of it is decoded).
   */
  private void connectionEnded(String reason) {
    try {
      synchronized (protocolLock) {
        protocol.onConnectionEnded(reason, endedEmitter);
      }
    } catch (RuntimeException e) {
      LOG.warn("Stream {} protocol failed on the end of a connection ({})", name(), e.getClass().getSimpleName());
    }
  }

  private void dropConnection(Live live) {
    Connection c = live.connection;
    if (c instanceof SocketConnection socket) {
      socket.close(Duration.ZERO);
    } else if (c instanceof LinesConnection lines) {
      lines.abort();
    }
  }

  private void retire(Live live, Throwable cause) {
    audit.disconnected(live.connection.number(), live.connection.status(),
        Duration.ofNanos(System.nanoTime() - live.openedAtNanos), live.in.get(), live.out.get(), cause);
    synchronized (lock) {
      retired.add(live.connection);
    }
  }

  /** Waits for every thread this session started: connection readers and the delivery thread. */
  private void joinThreads() {
    List<Connection> connections;
    synchronized (lock) {
      connections = new ArrayList<>(retired);
    }
    for (Connection c : connections) {
      c.close();
    }
    Thread d = delivery;
    if (d != null && d != Thread.currentThread()) {
      try {
        d.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- delivery ----------------------------------------------------------------------------

  private void startDelivery() {
    Thread t = new Thread(this::deliver, threadPrefix + "-delivery");
    t.setDaemon(true);
    delivery = t;
    t.start();
  }

  @SuppressWarnings("unchecked")
  private void deliver() {
    while (true) {
      Object item;
      try {
        item = buffer.take();
      } catch (InterruptedException e) {
        return;
      }
      if (item instanceof EventBuffer.SignalItem s) {
        try {
          listener.onSignal(s.signal());
        } catch (RuntimeException e) {
          LOG.warn("Stream {} listener failed on a signal ({})", name(), e.getClass().getSimpleName());
        }
        if (s.signal() instanceof StreamSignal.Closed) {
          return;
        }
      } else {
        try {
          listener.onEvent((E) item);
        } catch (RuntimeException e) {
          LOG.warn("Stream {} listener failed on an event ({})", name(), e.getClass().getSimpleName());
        }
      }
    }
  }

  private String name() {
    return spec.connect().endpoint().name();
  }

  /** Buffers one decoded event under the spec's backpressure. */
  private void offer(E event) {
    Objects.requireNonNull(event, "event");
    switch (buffer.offer(event)) {
      case DROPPED_OLDEST -> audit.dropped();
      case OVERFLOW -> end(StreamState.FAILED, new StreamOverflowException(
          "The consumer of stream " + name() + " fell behind: " + spec.bufferCapacity()
              + " events were waiting (Backpressure.FAIL). Consume faster, raise the buffer, or use"
              + " DROP_OLDEST where only the latest value matters", spec.bufferCapacity()));
      default -> { }
    }
  }

  /** Where the protocol puts events when a connection ended: the buffer; control calls mean nothing any more. */
  private final StreamEmitter<E> endedEmitter = new StreamEmitter<>() {
    @Override
    public void event(E event) {
      offer(event);
    }

    @Override
    public void heartbeat() {}

    @Override
    public void gap(String reason) {}

    @Override
    public void resubscribe(String reason) {}

    @Override
    public void reconnect(String reason) {}
  };

  /** What the protocol reports about one connection's messages. */
  private final class Emitter implements StreamEmitter<E> {
    private final Live live;

    Emitter(Live live) {
      this.live = live;
    }

    @Override
    public void event(E event) {
      offer(event);
    }

    @Override
    public void heartbeat() {
      // Every message already counts as liveness; a heartbeat carries nothing else.
    }

    @Override
    public void gap(String reason) {
      buffer.signal(new StreamSignal.Gap(Objects.requireNonNull(reason, "reason")));
    }

    @Override
    public void resubscribe(String reason) {
      Objects.requireNonNull(reason, "reason");
      scheduler.schedule(Duration.ZERO, () -> {
        if (current != live) {
          return;
        }
        try {
          subscribe(live, OpenReason.RESUBSCRIBE);
          buffer.signal(new StreamSignal.Resubscribed(reason));
        } catch (TickGuardException e) {
          onLost(live.connection, "resubscription failed", e);
        }
      });
    }

    @Override
    public void reconnect(String reason) {
      onLost(live.connection, "the provider asked to reconnect: " + Objects.requireNonNull(reason, "reason"), null);
    }
  }
}
