package io.tickguard.core.security;

import io.tickguard.core.security.internal.LoggingSecurityListener;
import java.util.Objects;

/**
 * Receives a client's {@link SecurityEvent}s. Called on the thread that saw the event (often the
 * calling thread): implementations must be fast and must not throw; a listener that throws is
 * ignored for that event, never allowed to fail the call.
 */
@FunctionalInterface
public interface SecurityEventListener {

  /** One security event. */
  void onEvent(SecurityEvent event);

  /** A listener that ignores every event. */
  static SecurityEventListener none() {
    return event -> {};
  }

  /**
   * The default listener: one line per event on the SLF4J logger {@code io.tickguard.security},
   * ERROR for alerts and severe kinds, WARN for the others.
   * Lines hold the event's names and codes only, never a secret.
   */
  static SecurityEventListener logging() {
    return LoggingSecurityListener.INSTANCE;
  }

  /** This listener, then {@code next}; a failure of one does not stop the other. */
  default SecurityEventListener andThen(SecurityEventListener next) {
    Objects.requireNonNull(next, "next");
    SecurityEventListener first = this;
    return event -> {
      try {
        first.onEvent(event);
      } finally {
        next.onEvent(event);
      }
    };
  }
}
