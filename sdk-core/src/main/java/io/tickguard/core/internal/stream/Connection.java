package io.tickguard.core.internal.stream;

/** One open connection of a session: the part that differs between NDJSON and WebSocket. */
interface Connection {

  /** The connection number within its session, starting at 1. */
  int number();

  /**
   * Queues {@code text} for sending; {@code false} when the connection is closing or cannot take
   * it.
   */
  boolean send(String text);

  /** Lets the reader start delivering messages (after the subscribe messages were sent). */
  void startReading();

  /** Ends the connection and frees its resources; returns once its own thread (if any) ended. */
  void close();

  /** The stream's HTTP status at connect (101 for a WebSocket, 200 for NDJSON). */
  int status();
}
