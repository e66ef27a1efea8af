package io.tickguard.core.internal.pipeline;

import io.tickguard.core.TickGuardException;
import java.io.IOException;

/**
 * A typed TickGuard failure carried through OkHttp as the {@link IOException} its interceptor
 * contract expects. OkHttp hands an unchecked exception of an asynchronous call (a WebSocket upgrade)
 * to the callback only as "canceled due to ..." and then rethrows it on the dispatcher thread; this
 * wrapper keeps it typed and keeps the dispatcher's threads alive.
 */
public final class StageFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient TickGuardException typed;

  StageFailure(TickGuardException typed) {
    super(typed.getMessage(), typed);
    this.typed = typed;
  }

  /** The typed failure. */
  public TickGuardException typed() {
    return typed;
  }

  /** The typed failure inside {@code failure}, if it is or wraps a {@link StageFailure}. */
  public static java.util.Optional<TickGuardException> unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StageFailure s) {
        return java.util.Optional.of(s.typed());
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof StageFailure s) {
          return java.util.Optional.of(s.typed());
        }
      }
    }
    return java.util.Optional.empty();
  }
}
