package io.tickguard.core.stream;

import io.tickguard.core.TransportException;
import java.time.Duration;

/**
 * No message arrived for the stream's idle timeout (heartbeat interval times missed intervals): the
 * connection is presumed dead (a half-open TCP connection looks exactly like a quiet market) and is
 * replaced under the {@link ReconnectPolicy}.
 */
public class StreamIdleException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final Duration silence;

  /** No message for {@code silence}. */
  public StreamIdleException(String message, Duration silence) {
    super(message, null);
    this.silence = silence;
  }

  /** How long the stream was silent. */
  public Duration silence() {
    return silence;
  }
}
