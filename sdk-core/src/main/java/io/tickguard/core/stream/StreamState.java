package io.tickguard.core.stream;

/** Where a {@link StreamSession} is in its life. */
public enum StreamState {
  /** Connected: messages flow. */
  OPEN,
  /** The connection was lost or went idle; a new one is being made after a backoff delay. */
  RECONNECTING,
  /** Closed by {@link StreamSession#close()}; final. */
  CLOSED,
  /** Ended by a failure ({@link StreamSession#failure()}); final. */
  FAILED;

  /** {@code true} for {@link #CLOSED} and {@link #FAILED}. */
  public boolean isFinal() {
    return this == CLOSED || this == FAILED;
  }
}
