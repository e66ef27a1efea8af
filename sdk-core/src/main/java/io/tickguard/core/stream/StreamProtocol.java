package io.tickguard.core.stream;

import io.tickguard.core.InvalidResponseException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The provider's side of a stream, the one piece a provider writes: what to send after each connect
 * to (re)subscribe, and how to decode each incoming message into typed events and control signals.
 * Everything else (throttle, auth, TLS, reconnect, idle detection, buffering, delivery) is the
 * session's.
 *
 * <p>Decoding runs on the socket's reader thread: it must be fast and must not block. A message that
 * cannot be decoded is refused by throwing a {@link io.tickguard.core.TickGuardException} (usually
 * {@link InvalidResponseException}); the session then drops the connection, reports {@link
 * StreamSignal.Disconnected} with that exception, and reconnects under its {@link ReconnectPolicy}
 * (a stream that skipped a message it could not read is not trusted to be in sync).
 *
 * <p>An implementation may keep state (the last sequence number, the subscribed channels); the
 * session calls it from one thread at a time.
 *
 * @param <E> the event type
 */
public interface StreamProtocol<E> {

  /**
   * The messages to send, in order, after a connection opened or when a resubscription is needed.
   * Each one goes through the stream's message throttle and {@link MessageSigner}. It is called off
   * the reader thread, before any message of the new connection is decoded, so a stateful protocol
   * resets its sequence tracking here. An NDJSON stream subscribes through its connect request: it
   * is called too (to reset state) and must return an empty list. The default sends nothing.
   */
  default List<String> onOpen(OpenReason reason) {
    return List.of();
  }

  /**
   * As {@link #onOpen(OpenReason)}, with the connection's emitter, for a protocol whose subscription
   * is made over another channel and answers with a snapshot (Saxo's REST subscription): events
   * emitted here reach the consumer before the connection's first decoded message (and before its
   * {@link StreamSignal.Connected}). It runs off the reader thread, and no message of the connection
   * is decoded until it returns. The default calls {@link #onOpen(OpenReason)}.
   */
  default List<String> onOpen(OpenReason reason, StreamEmitter<E> emitter) {
    return onOpen(reason);
  }

  /**
   * Decodes one text message (one WebSocket text frame, or one NDJSON line without its line end).
   */
  void onText(String message, StreamEmitter<E> emitter);

  /**
   * The current connection ended without {@link StreamSession#close()} (lost, idle, a refused message,
   * a provider's request to reconnect) or the session failed. Called synchronously by the thread that
   * noticed, before {@link StreamSignal.Disconnected} (or {@link StreamSignal.Closed}) is queued and
   * before any reconnect, under the same lock as decoding: state derived from the connection (a
   * local order book) can be marked stale here, so that no reader sees it in the window before the
   * consumer gets the signal. Events emitted here are queued ahead of that signal. It must be fast
   * and must not block. The default does nothing.
   *
   * @param reason a short description, without message contents
   * @param emitter where to put events (control calls on it are ignored: the connection is gone)
   */
  default void onConnectionEnded(String reason, StreamEmitter<E> emitter) {}

  /**
   * Decodes one binary WebSocket message (Saxo's framed messages). The buffer is read-only and valid
   * only during the call. The default refuses binary messages.
   */
  default void onBinary(ByteBuffer message, StreamEmitter<E> emitter) {
    throw new InvalidResponseException(
        "message", "This stream expects text messages but received a binary message of "
            + message.remaining() + " bytes");
  }
}
