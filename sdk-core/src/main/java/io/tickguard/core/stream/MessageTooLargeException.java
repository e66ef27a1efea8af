package io.tickguard.core.stream;

import io.tickguard.core.InvalidResponseException;

/**
 * An incoming stream message (an NDJSON line or a WebSocket message) was longer than the spec's
 * {@code maxMessageBytes}. The rest of it is not read into memory; the connection is dropped. Raise
 * the limit only if the provider documents messages that large.
 */
public class MessageTooLargeException extends InvalidResponseException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /** A message exceeded {@code limit} bytes. */
  public MessageTooLargeException(String message, long limit) {
    super("message", message);
    this.limit = limit;
  }

  /** The limit in bytes that was exceeded. */
  public long limit() {
    return limit;
  }
}
