package io.tickguard.core.stream;

/**
 * The Sign stage for outgoing stream messages: it rewrites each text message just before it is
 * sent, after the message throttle granted it, so a signature or token in it is fresh (Coinbase
 * wants a new JWT in every subscribe message). It must not block for long and must not log the
 * result.
 */
@FunctionalInterface
public interface MessageSigner {

  /** Returns {@code message} with its credentials added. */
  String sign(String message);

  /** Sends messages as they are. */
  static MessageSigner none() {
    return message -> message;
  }
}
