package io.tickguard.core.observe;

import java.time.Duration;
import java.util.Optional;

/**
 * The facts of one attempt of one call, as the audit log and metrics see them. It holds no parameter
 * values, headers or bodies, so it is safe to log as it is.
 *
 * @param endpoint the endpoint's name
 * @param method the HTTP method
 * @param host the target host
 * @param pathTemplate the endpoint's path template (no ids, no symbols)
 * @param attempt the attempt number, starting at 1
 * @param status the HTTP status, or 0 when no response was received
 * @param latency time from sending to receiving the response headers, or to the failure
 * @param throttleWait time spent waiting for rate-limit permits before sending
 * @param requestIdValue the provider's request id, or {@code null}
 * @param failureValue the exception's simple class name when the attempt failed, or {@code null}
 */
public record AttemptEvent(
    String endpoint,
    String method,
    String host,
    String pathTemplate,
    int attempt,
    int status,
    Duration latency,
    Duration throttleWait,
    String requestIdValue,
    String failureValue) {

  public Optional<String> requestId() {
    return Optional.ofNullable(requestIdValue);
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failureValue);
  }
}
