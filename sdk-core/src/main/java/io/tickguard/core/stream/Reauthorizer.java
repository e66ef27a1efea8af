package io.tickguard.core.stream;

/**
 * Re-authorizes an open stream when its credentials change, without reconnecting: Saxo expects
 * {@code PUT /streaming/ws/authorize?contextid=...} with the new token after every token refresh.
 * The session runs it off the reader thread, on {@link StreamSession#reauthorize()} and every {@code
 * reauthorizeEvery} interval of the spec. Failing with a {@link io.tickguard.core.TickGuardException}
 * drops the connection and reconnects (the connect request then carries fresh credentials).
 */
@FunctionalInterface
public interface Reauthorizer {

  /** Re-authorizes the stream's current connection. */
  void reauthorize();

  /** Nothing to do: credentials are presented only when connecting. */
  static Reauthorizer none() {
    return () -> {};
  }
}
