package io.tickguard.core.stream;

import io.tickguard.core.TickGuardException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to a stream besides its events, delivered to {@link StreamListener#onSignal} in
 * order with the events. Signals are never dropped by {@link Backpressure#DROP_OLDEST}.
 */
public sealed interface StreamSignal {

  /**
   * A connection opened and its subscribe messages were sent.
   *
   * @param connection the connection's number: every connect attempt of the session takes the next
   *     number, starting at 1 (audit events carry the same number)
   * @param reason {@link OpenReason#FIRST} or {@link OpenReason#RECONNECT}
   */
  record Connected(int connection, OpenReason reason) implements StreamSignal {
    public Connected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A connection ended without {@link StreamSession#close()}: lost, idle, refused a message, or
   * replaced on the provider's request. Events may have been missed until the next {@link
   * Connected}.
   *
   * @param connection the connection number that ended
   * @param reason a short description (no message contents)
   * @param cause the failure, when there was one
   */
  record Disconnected(int connection, String reason, Optional<TickGuardException> cause)
      implements StreamSignal {
    public Disconnected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(cause, "cause");
    }
  }

  /**
   * The session waits {@code delay} (full-jitter backoff) before reconnect attempt {@code attempt}.
   *
   * @param attempt the consecutive attempt number, starting at 1
   * @param delay the backoff before this attempt
   */
  record Reconnecting(int attempt, Duration delay) implements StreamSignal {
    public Reconnecting {
      Objects.requireNonNull(delay, "delay");
    }
  }

  /**
   * The protocol detected lost messages ({@link StreamEmitter#gap}); the connection stays open.
   *
   * @param reason what was detected
   */
  record Gap(String reason) implements StreamSignal {
    public Gap {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The subscribe messages were sent again on an open connection ({@link StreamEmitter#resubscribe}).
   *
   * @param reason why the protocol asked for it
   */
  record Resubscribed(String reason) implements StreamSignal {
    public Resubscribed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The session ended; always the last signal. {@code failure} is empty after {@link
   * StreamSession#close()}, and holds the reason otherwise (reconnects exhausted, {@link
   * StreamOverflowException}, a refused reconnect).
   *
   * @param failure why the session ended, if it failed
   */
  record Closed(Optional<TickGuardException> failure) implements StreamSignal {
    public Closed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
