package io.tickguard.forex;

import io.tickguard.core.TickGuardException;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamState;
import io.tickguard.market.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open stream of quotes for a set of pairs, over a core {@link StreamSession}: it reconnects by
 * itself after a dropped connection or missed heartbeats (reporting each {@link StreamGap} in order
 * with the quotes) until it is closed or its reconnect policy gives up. Thread-safe; close it when
 * done.
 */
public final class QuoteStream implements AutoCloseable {
  private final Set<CurrencyPair> pairs;
  private final StreamSession<QuoteEvent> session;
  private final Runnable released;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A stream of {@code pairs} running as {@code session}; for provider clients. */
  public QuoteStream(Set<CurrencyPair> pairs, StreamSession<QuoteEvent> session) {
    this(pairs, session, () -> {});
  }

  /**
   * A stream of {@code pairs} running as {@code session} that runs {@code released} once when it is
   * closed (a provider client counting its open streams against a limit); for provider clients.
   */
  public QuoteStream(Set<CurrencyPair> pairs, StreamSession<QuoteEvent> session, Runnable released) {
    this.pairs = Set.copyOf(Checks.present(pairs, "pairs"));
    this.session = Checks.present(session, "session");
    this.released = Checks.present(released, "released");
  }

  /** The pairs streamed. */
  public Set<CurrencyPair> pairs() {
    return pairs;
  }

  /** Where the stream is in its life (connecting, open, reconnecting, closed, failed). */
  public StreamState state() {
    return session.state();
  }

  /**
   * The next quote or gap, waiting up to {@code timeout} (queue mode only).
   *
   * @throws IllegalStateException the stream delivers to a listener
   * @throws io.tickguard.core.stream.StreamClosedException the stream ended and everything buffered was
   *     taken; {@link #failure()} says why if it failed
   */
  public Optional<QuoteEvent> poll(Duration timeout) {
    return session.poll(timeout);
  }

  /** Quotes dropped by {@link io.tickguard.core.stream.Backpressure#DROP_OLDEST} so far. */
  public long droppedEvents() {
    return session.droppedEvents();
  }

  /** Connections opened so far, the first included: {@code connections() - 1} reconnects. */
  public int connections() {
    return session.connections();
  }

  /** Why the stream failed, if it did. */
  public Optional<TickGuardException> failure() {
    return session.failure();
  }

  /** Stops the stream and releases its connection. Idempotent. */
  @Override
  public void close() {
    try {
      session.close();
    } finally {
      if (closed.compareAndSet(false, true)) {
        released.run();
      }
    }
  }

  @Override
  public String toString() {
    return "QuoteStream" + pairs + "[" + session.state() + "]";
  }
}
