package io.tickguard.testkit;

/**
 * How one provider writes an error body. The shared pieces (rate limiter, route table, key checks)
 * report failures through it, so every error reads like the provider's own.
 */
@FunctionalInterface
public interface ErrorStyle {

  /**
   * The response for a failure.
   *
   * @param status HTTP status
   * @param code the provider's error code, such as {@code -1022} or {@code INVALID_SIGNATURE}
   * @param message a human explanation; it must never echo a secret
   */
  SandboxResponse error(int status, String code, String message);

  /** {@code {"code":"...","msg":"..."}}, which core's standard error decoder reads. */
  static ErrorStyle generic() {
    return (status, code, message) ->
        SandboxResponse.json(status, SandboxJson.object().put("code", code).put("msg", message));
  }
}
