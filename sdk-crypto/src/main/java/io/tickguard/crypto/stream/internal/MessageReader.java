package io.tickguard.crypto.stream.internal;

import io.tickguard.market.internal.JsonStream;
import tools.jackson.core.JsonToken;

/**
 * Reads one stream message: a JSON object whose top-level members are handed, in the order they
 * come, to the message being filled; nothing may follow the object. Each provider's message type
 * says what a member means; this class owns the envelope's shape, once for every provider.
 */
public final class MessageReader {
  private MessageReader() {}

  /** A message filled member by member. */
  public interface Members {
    /**
     * Takes top-level member {@code name}; the reader is on its first token {@code token}, and the
     * member must consume its whole value (read it, or {@link JsonStream#skipCurrent()} it).
     */
    void member(JsonStream in, String name, JsonToken token);
  }

  /** Reads {@code text} into {@code message} and returns it. */
  public static <T extends Members> T read(String text, T message) {
    try (JsonStream in = JsonStream.of(text)) {
      in.next(JsonToken.START_OBJECT, "message");
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        message.member(in, name, in.next());
      }
      in.end();
    }
    return message;
  }
}
