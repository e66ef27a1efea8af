package io.tickguard.core.stream;

import io.tickguard.core.TickGuardException;

/**
 * A message was sent to, or an event polled from, a session that has ended. Open a new session; if
 * the session failed, {@link StreamSession#failure()} says why.
 */
public class StreamClosedException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  /** A use of an ended session. */
  public StreamClosedException(String message) {
    super(message);
  }
}
