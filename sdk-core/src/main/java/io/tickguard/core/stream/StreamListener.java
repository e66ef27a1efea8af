package io.tickguard.core.stream;

/**
 * Receives a session's events and signals, in order, on the session's own delivery thread (never on
 * the socket's reader thread, so a slow listener cannot stall the socket; it fills the bounded
 * buffer instead, see {@link Backpressure}). Calls are never concurrent.
 *
 * <p>An exception thrown by a listener method is caught and logged; the session goes on.
 *
 * @param <E> the event type
 */
public interface StreamListener<E> {

  /** One decoded event. */
  void onEvent(E event);

  /** A change of the connection, a gap, a resubscription, or the end. The default ignores it. */
  default void onSignal(StreamSignal signal) {}
}
