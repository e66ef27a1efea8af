package io.tickguard.crypto.stream.internal;

import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.KnownNames;
import java.nio.charset.StandardCharsets;
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
    /** The top-level member names the message takes (or skips on purpose), numbered as {@link #member} receives them. */
    KnownNames names();

    /**
     * Takes top-level member number {@code name} of {@link #names()}; the reader is on its first
     * token {@code token}, and the member must consume its whole value (read it, or {@link
     * JsonStream#skipCurrent()} it). Members outside the names are skipped by the reader.
     */
    void member(JsonStream in, int name, JsonToken token);
  }

  /**
   * Reads {@code text} into {@code message} and returns it. The text is parsed as its UTF-8 bytes:
   * Jackson's byte parser walks these messages (long, with timestamps in every update) faster than
   * its character parser, by more than the copy into bytes costs.
   */
  public static <T extends Members> T read(String text, T message) {
    try (JsonStream in = JsonStream.of(text.getBytes(StandardCharsets.UTF_8))) {
      in.next(JsonToken.START_OBJECT, "message");
      KnownNames names = message.names();
      for (int name = in.nextMember(names); name != JsonStream.END; name = in.nextMember(names)) {
        JsonToken t = in.next();
        if (name == JsonStream.UNKNOWN) {
          in.skipCurrent();
        } else {
          message.member(in, name, t);
        }
      }
      in.end();
    }
    return message;
  }
}
