package io.tickguard.crypto.stream.internal;

import io.tickguard.crypto.stream.MarketEvent;

/**
 * Where a provider feed puts what it decoded from one message. It mirrors the streaming pipeline's
 * emitter so the feeds stay independent of the transport (and can be driven directly by tests and
 * benchmarks). Calls happen on the reader thread and never block.
 */
public interface FeedOutput {

  /** A decoded event. */
  void event(MarketEvent event);

  /** The message was a heartbeat. The default ignores it (outputs used off the reader thread). */
  default void heartbeat() {}

  /** Messages were lost; the connection stays open. The default ignores it (outputs used off the reader thread). */
  default void gap(String reason) {}

  /**
   * Messages must be sent on this connection (a per-symbol resubscription after a failed check): the
   * transport asks {@link Feed#onOpen} with {@link Feed.Open#RESUBSCRIBE}, off the reader thread.
   * The default ignores it (outputs used off the reader thread).
   */
  default void resubscribe(String reason) {}

  /** The connection must be replaced (the provider is going away). The default ignores it. */
  default void reconnect(String reason) {}
}
