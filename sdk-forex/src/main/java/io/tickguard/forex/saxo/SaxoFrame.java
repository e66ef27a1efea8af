package io.tickguard.forex.saxo;

import java.nio.charset.StandardCharsets;

/**
 * One message of Saxo's streaming connection, as framed on the wire.
 *
 * @param messageId the 64-bit little-endian message id (unsigned on the wire; TickGuard refuses the
 *     upper half, which Saxo never reaches), used to resume after a reconnect
 * @param referenceId the subscription's reference id, or a control message's ({@code _heartbeat})
 * @param payloadFormat 0 for JSON, 1 for protobuf
 * @param payload the payload bytes
 */
record SaxoFrame(long messageId, String referenceId, int payloadFormat, byte[] payload) {
  static final int JSON = 0;

  /** Whether this is a control message ({@code _heartbeat}, {@code _resetsubscriptions}, {@code _disconnect}). */
  boolean isControl() {
    return referenceId.startsWith("_");
  }

  /** The payload as UTF-8 text. */
  String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SaxoFrame{id=" + messageId + ", ref=" + referenceId + ", format=" + payloadFormat + ", " + payload.length + " bytes}";
  }
}
