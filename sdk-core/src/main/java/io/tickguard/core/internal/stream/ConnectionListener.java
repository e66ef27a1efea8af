package io.tickguard.core.internal.stream;

import io.tickguard.core.TickGuardException;
import java.nio.ByteBuffer;

/** What a connection's reader reports to its session, on the reader thread. */
interface ConnectionListener {

  /** One text message (WebSocket text frame, or NDJSON line). */
  void onText(Connection connection, String text);

  /** One binary message; the buffer is valid only during the call. */
  void onBinary(Connection connection, ByteBuffer bytes);

  /** The connection ended by itself; {@code cause} is {@code null} for an orderly end. */
  void onLost(Connection connection, String reason, TickGuardException cause);
}
