package io.tickguard.core.stream;

/** How a stream travels. */
public enum StreamKind {
  /**
   * A long-lived streamed HTTP response ({@code Transfer-Encoding: chunked}), read as newline
   * delimited text: each complete line (without its {@code \n} or {@code \r\n}) is one message; blank
   * lines are skipped. There is no outgoing direction.
   */
  NDJSON,
  /** A WebSocket session (RFC 6455) with text and binary messages in both directions. */
  WEBSOCKET
}
