package io.tickguard.core;

/** The HTTP methods provider endpoints use. */
public enum HttpMethod {
  GET(true),
  DELETE(true),
  PUT(true),
  POST(false),
  PATCH(false);

  private final boolean idempotentBySpec;

  HttpMethod(boolean idempotentBySpec) {
    this.idempotentBySpec = idempotentBySpec;
  }

  /** Whether RFC 9110 defines the method as idempotent. */
  public boolean idempotentBySpec() {
    return idempotentBySpec;
  }

  /** Whether a request with this method carries a body. */
  public boolean hasBody() {
    return this == POST || this == PUT || this == PATCH;
  }
}
