package io.tickguard.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server said about a failed call: status, the provider's error code and message, and the
 * request id. Every part is optional because failures found on the client have none of them.
 */
public final class ErrorDetails implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final ErrorDetails NONE = new ErrorDetails(0, null, null, null);

  private final int httpStatus;
  private final String providerCode;
  private final String providerMessage;
  private final String requestIdValue;

  /**
   * Creates details; every argument but the status may be {@code null}.
   *
   * @param httpStatus the HTTP status, or 0 when no response was received
   * @param providerCode the provider's error code
   * @param providerMessage the provider's error message
   * @param requestId the provider's request id
   */
  public ErrorDetails(int httpStatus, String providerCode, String providerMessage, String requestId) {
    this.httpStatus = httpStatus;
    this.providerCode = providerCode;
    this.providerMessage = providerMessage;
    this.requestIdValue = requestId;
  }

  /** Details of a failure that never reached a server. */
  public static ErrorDetails none() {
    return NONE;
  }

  /** Details of a response with only a status and, possibly, a request id. */
  public static ErrorDetails ofStatus(int httpStatus, String requestId) {
    return new ErrorDetails(httpStatus, null, null, requestId);
  }

  /** The HTTP status, if a response was received. */
  public Optional<Integer> httpStatus() {
    return httpStatus == 0 ? Optional.empty() : Optional.of(httpStatus);
  }

  /** The provider's error code, if it sent one. */
  public Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }

  /** The provider's error message, if it sent one. */
  public Optional<String> providerMessage() {
    return Optional.ofNullable(providerMessage);
  }

  /** The provider's request id, if it sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestIdValue);
  }

  /** A copy with the provider's code and message added. */
  public ErrorDetails withProviderError(String code, String message) {
    return new ErrorDetails(
        httpStatus,
        io.tickguard.core.observe.Redactor.redact(code),
        io.tickguard.core.observe.Redactor.redact(message),
        requestIdValue);
  }

  /** A copy whose code and message have each of {@code secrets} replaced, in any escaped form. */
  public ErrorDetails withoutValues(java.util.List<String> secrets) {
    String code = io.tickguard.core.observe.Redactor.redactValues(providerCode, secrets);
    String message = io.tickguard.core.observe.Redactor.redactValues(providerMessage, secrets);
    String id = io.tickguard.core.observe.Redactor.redactValues(requestIdValue, secrets);
    if (Objects.equals(code, providerCode) && Objects.equals(message, providerMessage)
        && Objects.equals(id, requestIdValue)) {
      return this;
    }
    return new ErrorDetails(httpStatus, code, message, id);
  }

  /** A short human summary such as {@code HTTP 400, code -1100 (Illegal characters), request id r-1}. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (httpStatus != 0) {
      sb.append("HTTP ").append(httpStatus);
    }
    if (providerCode != null) {
      append(sb, "code " + providerCode);
      if (providerMessage != null) {
        sb.append(" (").append(providerMessage).append(')');
      }
    } else if (providerMessage != null) {
      append(sb, providerMessage);
    }
    if (requestIdValue != null) {
      append(sb, "request id " + requestIdValue);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String part) {
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(Objects.requireNonNull(part));
  }

  @Override
  public String toString() {
    return "ErrorDetails{" + summary() + "}";
  }
}
