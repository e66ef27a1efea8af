package io.tickguard.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour the sandbox can inject into a response. Schedule faults with {@link Faults}:
 * {@code sandbox.faults().next(3, Fault.status(503))}. Each kind maps to the typed exception a
 * TickGuard client promises for it (see {@code docs/sandbox.md}).
 */
public final class Fault {

  /** The kinds of fault. */
  public enum Kind {
    /** The real answer, sent late. */
    LATENCY,
    /** An error status with a provider-style body instead of the real answer. */
    STATUS,
    /** 429 with {@code Retry-After}. */
    RATE_LIMITED,
    /** The connection is closed before any response byte. */
    CONNECTION_RESET,
    /** The real answer, cut short: fewer body bytes than {@code Content-Length} promises. */
    TRUNCATED_BODY,
    /** A 200 {@code application/json} whose body is not JSON. */
    MALFORMED_JSON,
    /** A 200 {@code application/json} body larger than clients should accept. */
    OVERSIZED_BODY,
    /** The real answer labelled with another content type. */
    WRONG_CONTENT_TYPE,
    /** 401 {@code WWW-Authenticate: Bearer error="invalid_token"}, whatever token was sent. */
    EXPIRED_TOKEN
  }

  private final Kind kind;
  private final Duration duration;
  private final int status;
  private final long size;
  private final String contentType;

  private Fault(Kind kind, Duration duration, int status, long size, String contentType) {
    this.kind = kind;
    this.duration = duration;
    this.status = status;
    this.size = size;
    this.contentType = contentType;
  }

  /** Sends the real answer after {@code delay} (exceed the client's read timeout to make it fail). */
  public static Fault latency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0");
    }
    return new Fault(Kind.LATENCY, delay, 0, 0, null);
  }

  /** Answers {@code status} (such as 500, 502, 503) with a provider-style error body. */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
    }
    return new Fault(Kind.STATUS, Duration.ZERO, status, 0, null);
  }

  /** Answers 429 with {@code Retry-After: retryAfter} in seconds. */
  public static Fault rateLimited(Duration retryAfter) {
    return new Fault(Kind.RATE_LIMITED, Objects.requireNonNull(retryAfter, "retryAfter"), 429, 0, null);
  }

  /** Closes the connection after reading the request, before answering. */
  public static Fault connectionReset() {
    return new Fault(Kind.CONNECTION_RESET, Duration.ZERO, 0, 0, null);
  }

  /** Sends the real answer's headers and half its body, then closes the connection. */
  public static Fault truncatedBody() {
    return new Fault(Kind.TRUNCATED_BODY, Duration.ZERO, 0, 0, null);
  }

  /** Answers 200 {@code application/json} with a body that is not valid JSON. */
  public static Fault malformedJson() {
    return new Fault(Kind.MALFORMED_JSON, Duration.ZERO, 200, 0, null);
  }

  /** Answers 200 {@code application/json} with a body of {@code bytes} bytes (5 MiB beats core's 4 MiB cap). */
  public static Fault oversizedBody(long bytes) {
    if (bytes < 16) {
      throw new IllegalArgumentException("bytes must be >= 16");
    }
    return new Fault(Kind.OVERSIZED_BODY, Duration.ZERO, 200, bytes, null);
  }

  /** Sends the real answer with {@code Content-Type: contentType} (say {@code text/html}). */
  public static Fault wrongContentType(String contentType) {
    return new Fault(Kind.WRONG_CONTENT_TYPE, Duration.ZERO, 0, 0, Objects.requireNonNull(contentType, "contentType"));
  }

  /** Answers 401 as a resource server does for an expired access token. */
  public static Fault expiredToken() {
    return new Fault(Kind.EXPIRED_TOKEN, Duration.ZERO, 401, 0, null);
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /** The delay of {@link Kind#LATENCY}, or the wait of {@link Kind#RATE_LIMITED}; zero otherwise. */
  public Duration duration() {
    return duration;
  }

  /** The status answered, or 0 when the real one is kept. */
  public int status() {
    return status;
  }

  /** The body size of {@link Kind#OVERSIZED_BODY}. */
  public long size() {
    return size;
  }

  /** The content type of {@link Kind#WRONG_CONTENT_TYPE}, or {@code null}. */
  public String contentType() {
    return contentType;
  }

  /** Whether the real route still runs (its answer is then altered) or is skipped entirely. */
  public boolean keepsRealAnswer() {
    return kind == Kind.LATENCY || kind == Kind.TRUNCATED_BODY || kind == Kind.WRONG_CONTENT_TYPE;
  }

  @Override
  public String toString() {
    switch (kind) {
      case LATENCY:
        return "latency(" + duration.toMillis() + " ms)";
      case STATUS:
        return "status(" + status + ")";
      case RATE_LIMITED:
        return "rateLimited(" + duration.toSeconds() + " s)";
      case OVERSIZED_BODY:
        return "oversizedBody(" + size + ")";
      case WRONG_CONTENT_TYPE:
        return "wrongContentType(" + contentType + ")";
      default:
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
