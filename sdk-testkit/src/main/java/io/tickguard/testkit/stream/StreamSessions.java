package io.tickguard.testkit.stream;

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

  /** Closes (code 1001) every session open for at least {@code lifetime} on the sandbox clock. */
  public void closeOlderThan(Duration lifetime) {
    Instant now = clock.instant();
    for (Session s : sessions) {
      if (!now.isBefore(s.openedAt.plus(lifetime))) {
        s.socket.close(1001, "connection lifetime reached");
        sessions.remove(s);
      }
    }
  }

  /** One open session. */
  public static final class Session {
    private final WebSocket socket;
    private final Instant openedAt;
    private final int number;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();

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

    /** Counts one incoming message and returns the count so far. */
    public int received() {
      return received.incrementAndGet();
    }
  }
}
