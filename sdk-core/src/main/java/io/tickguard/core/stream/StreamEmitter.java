package io.tickguard.core.stream;

/**
 * Where a {@link StreamProtocol} puts what it decoded from one message: zero or more typed events and
 * control signals. Calls happen on the socket's reader thread and never block: events go into the
 * session's bounded buffer.
 *
 * @param <E> the event type
 */
public interface StreamEmitter<E> {

  /** A decoded event for the consumer. */
  void event(E event);

  /**
   * The message was a heartbeat (OANDA's {@code HEARTBEAT} line, Kraken's {@code heartbeat}
   * channel). Every message already proves the connection alive; this one carries nothing else.
   */
  void heartbeat();

  /**
   * Messages were lost (a sequence number jumped, a checksum failed): the consumer sees {@link
   * StreamSignal.Gap} in order with the events, and decides how to resync (for example refetch a
   * snapshot). The connection stays open.
   *
   * @param reason what was detected, without message contents (it is logged)
   */
  void gap(String reason);

  /**
   * The subscription must be made again on this connection (the provider dropped a channel): the
   * session asks {@link StreamProtocol#onOpen} with {@link OpenReason#RESUBSCRIBE} and sends the
   * messages, off the reader thread.
   */
  void resubscribe(String reason);

  /**
   * This connection must be replaced (the provider announced maintenance or a connection lifetime
   * limit): the session closes it and reconnects under its {@link ReconnectPolicy}.
   */
  void reconnect(String reason);
}
