package io.tickguard.core.stream;

/** Why {@link StreamProtocol#onOpen} is asked for its subscribe messages. */
public enum OpenReason {
  /** The first connection of the session. */
  FIRST,
  /** A new connection after the previous one was lost or went idle: subscribe everything again. */
  RECONNECT,
  /** The protocol reported {@link StreamEmitter#resubscribe} on a connection that stays open. */
  RESUBSCRIBE
}
