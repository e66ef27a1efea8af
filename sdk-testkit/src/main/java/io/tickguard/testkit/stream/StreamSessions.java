package io.tickguard.testkit.stream;

import io.tickguard.testkit.internal.OkHttpPings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.WebSocket;

/**
 * The open WebSocket sessions of one sandbox stream endpoint, with what each subscribed: what every
 * provider's stream routes share. Thread-safe.
 */
public final class StreamSessions {
  private final Clock clock;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();

  /** Sessions timed on {@code clock} (the sandbox's). */
  public StreamSessions(Clock clock) {
    this.clock = clock;
  }

  /** Registers a newly opened session. */
  public Session open(WebSocket socket) {
    Session s = new Session(socket, clock.instant(), opened.incrementAndGet());
    sessions.add(s);
    return s;
  }

  /** Forgets a closed session. */
  public void closed(Session s) {
    sessions.remove(s);
  }

  /** Sessions opened so far. */
  public int opened() {
    return opened.get();
  }

  /** The sessions open now. */
  public List<Session> open() {
    return List.copyOf(sessions);
  }

  /** Sends {@code text} to every open session subscribed to {@code topic}. */
  public void publish(String topic, String text) {
    for (Session s : sessions) {
      if (s.topics.contains(topic)) {
        s.socket.send(text);
      }
    }
  }

  /**
   * Ends every connection at once from the server side with close code 1011 (a server error), as a
   * provider does when a node fails; the server forgets the sessions immediately. (MockWebServer's
   * server-side sockets cannot be reset without a close frame.)
   */
  public void dropAll() {
    for (Session s : sessions) {
      s.socket.close(1011, "connection dropped");
      sessions.remove(s);
    }
  }

  /**
   * Closes (code 1001) every session open for at least {@code lifetime} on the sandbox clock;
   * returns how many it closed.
   */
  public int closeOlderThan(Duration lifetime) {
    Instant now = clock.instant();
    int closed = 0;
    for (Session s : sessions) {
      if (!now.isBefore(s.openedAt.plus(lifetime))) {
        s.socket.close(1001, "connection lifetime reached");
        sessions.remove(s);
        closed++;
      }
    }
    return closed;
  }

  /**
   * One round of server pings: every open session whose last ping was answered gets a WebSocket
   * ping frame; a session whose ping has waited {@code pongTimeout} or longer on the sandbox clock
   * without a pong is closed (code 1008) instead. Returns how many sessions it closed.
   *
   * <p>OkHttp's WebSocket has no public way to send a ping on demand, so this goes through {@link
   * OkHttpPings}, which queues the frame on the socket's writer queue: it may be called while the
   * endpoint is publishing, and the ping goes out shortly after this returns.
   */
  public int ping(Duration pongTimeout) {
    Instant now = clock.instant();
    int closed = 0;
    for (Session s : sessions) {
      switch (s.nextPing(now, s.pongsReceived(), pongTimeout)) {
        case SEND -> OkHttpPings.ping(s.socket);
        case CLOSE -> {
          s.socket.close(1008, "pong timeout");
          sessions.remove(s);
          closed++;
        }
        case WAIT -> { }
      }
    }
    return closed;
  }

  /** What a ping round does with one session. */
  public enum PingAction {
    /** Send a ping: every earlier ping was answered. */
    SEND,
    /** A ping is unanswered, but for less than the pong timeout. */
    WAIT,
    /** A ping stayed unanswered for the pong timeout: the server closes the connection. */
    CLOSE
  }

  /** One open session. */
  public static final class Session {
    private final WebSocket socket;
    private final Instant openedAt;
    private final int number;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();
    private int pingsSent;
    private Instant lastPingAt = Instant.MIN;

    Session(WebSocket socket, Instant openedAt, int number) {
      this.socket = socket;
      this.openedAt = openedAt;
      this.number = number;
    }

    /** The socket. */
    public WebSocket socket() {
      return socket;
    }

    /** When it opened, on the sandbox clock. */
    public Instant openedAt() {
      return openedAt;
    }

    /** 1 for the first session of the endpoint, and so on. */
    public int number() {
      return number;
    }

    /** The topics (provider stream names) it is subscribed to, modifiable by the endpoint. */
    public Set<String> topics() {
      return topics;
    }

    /** Pong frames the client sent back so far (OkHttp counts them on the server's socket). */
    public int pongsReceived() {
      return OkHttpPings.pongsReceived(socket);
    }

    /** Pings sent to this session so far. */
    public synchronized int pingsSent() {
      return pingsSent;
    }

    /**
     * Decides one ping round at {@code now}, given the pongs the session received so far, and
     * counts the ping when the answer is {@link PingAction#SEND}.
     */
    public synchronized PingAction nextPing(Instant now, int pongsReceived, Duration pongTimeout) {
      if (pongsReceived < pingsSent) {
        return now.isBefore(lastPingAt.plus(pongTimeout)) ? PingAction.WAIT : PingAction.CLOSE;
      }
      pingsSent++;
      lastPingAt = now;
      return PingAction.SEND;
    }

    /** Counts one incoming message and returns the count so far. */
    public int received() {
      return received.incrementAndGet();
    }
  }
}
