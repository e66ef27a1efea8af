package io.tickguard.core.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One security-relevant fact about a client. It holds names, codes and counts only: never a
 * parameter value, header, body, key secret, token or proxy password, so it is safe to log and to
 * use as metric tags.
 *
 * @param kind what happened
 * @param at when it was seen, on the client's clock
 * @param host the host involved, or the empty string
 * @param endpoint the endpoint's name, or the empty string
 * @param code the provider's code or HTTP status ({@code -2015}, {@code 401}), or the empty string
 * @param detail a short explanation written by TickGuard (never provider text that may echo input)
 * @param cause for {@link SecurityEventKind#ANOMALY} and {@link SecurityEventKind#KILL_SWITCH_ENGAGED}
 *     the kind whose rate crossed the threshold, else the event's own kind
 */
public record SecurityEvent(
    SecurityEventKind kind, Instant at, String host, String endpoint, String code, String detail,
    SecurityEventKind cause) {

  /** Checks that no part is {@code null}. */
  public SecurityEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(cause, "cause");
  }

  /** An event of {@code kind} whose cause is itself. */
  public static SecurityEvent of(
      SecurityEventKind kind, Instant at, String host, String endpoint, String code, String detail) {
    return new SecurityEvent(kind, at, host, endpoint, code, detail, kind);
  }

  /** The provider's code or HTTP status, when there was one. */
  public Optional<String> providerCode() {
    return code.isEmpty() ? Optional.empty() : Optional.of(code);
  }

  /** Whether this event is an alert or worse ({@code ANOMALY}, {@code KILL_SWITCH_ENGAGED}, a pin mismatch, refresh-token reuse). */
  public boolean severe() {
    return switch (kind) {
      case ANOMALY, KILL_SWITCH_ENGAGED, PIN_MISMATCH, REFRESH_TOKEN_REUSE, OVER_PRIVILEGED_KEY, IP_BANNED -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return kind + (cause == kind ? "" : "(" + cause + ")") + " host=" + host + " endpoint=" + endpoint
        + (code.isEmpty() ? "" : " code=" + code) + " at=" + at + ": " + detail;
  }
}
