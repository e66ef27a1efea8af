package io.tickguard.core.stream;

import java.time.Duration;
import java.util.Optional;

/**
 * One open stream: it owns its connection, reconnects with backoff and resubscribes, detects idle
 * connections, buffers decoded events in a bounded buffer and delivers them to its {@link
 * StreamListener} on its own thread, or to {@link #poll} in queue mode. Thread-safe.
 *
 * <p>Open it with {@code ApiClient.openStream(spec, listener)} (listener mode) or {@code
 * ApiClient.openStream(spec)} (queue mode); close it when done: {@link #close()} ends the
 * connection and the session's threads before it returns.
 *
 * <pre>{@code
 * try (StreamSession<Price> prices = api.openStream(spec, price -> book.update(price))) {
 *   ...
 * }
 * }</pre>
 *
 * @param <E> the event type
 */
public interface StreamSession<E> extends AutoCloseable {

  /** Where the session is in its life. */
  StreamState state();

  /**
   * Sends one text message on the current connection (a WebSocket only): it waits for the stream's
   * message throttle, then the {@link MessageSigner} signs it, then it is queued to the socket.
   *
   * @throws io.tickguard.core.RateLimitedException the message throttle refused within its bound
   * @throws io.tickguard.core.InvalidRequestException the stream is NDJSON (it has no outgoing
   *     direction)
   * @throws StreamClosedException the session ended, or it is between connections
   */
  void send(String message);

  /**
   * Runs the spec's {@link Reauthorizer} now, off the calling thread (call it after a token
   * refresh); a failure drops the connection and reconnects.
   */
  void reauthorize();

  /**
   * The next event, waiting up to {@code timeout} for one (queue mode only).
   *
   * @return the event, or empty when none arrived within {@code timeout}
   * @throws IllegalStateException the session delivers to a listener
   * @throws StreamClosedException the session ended and every buffered event was taken; {@link
   *     #failure()} says why if it failed
   */
  Optional<E> poll(Duration timeout);

  /** Events dropped by {@link Backpressure#DROP_OLDEST} so far. */
  long droppedEvents();

  /** Connections opened so far, the first included. */
  int connections();

  /** Why the session failed, when {@link #state()} is {@link StreamState#FAILED}. */
  Optional<io.tickguard.core.TickGuardException> failure();

  /**
   * Ends the session: cancels timers, closes the connection (WebSocket close code 1000, cancelled if
   * the provider does not answer), joins the connection's reader thread and the delivery thread
   * after it delivered {@link StreamSignal.Closed}. Events still buffered are discarded.
   * Idempotent. Called from the listener, it cannot wait for the delivery thread (its own), which
   * ends right after the listener returns.
   */
  @Override
  void close();
}
