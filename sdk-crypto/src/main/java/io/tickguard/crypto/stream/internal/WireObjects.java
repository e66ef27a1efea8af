package io.tickguard.crypto.stream.internal;

import io.tickguard.market.internal.JsonStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JsonToken;

/**
 * The one-pass object walk every provider's stream message reader shares: a message is one JSON
 * object whose members, in any order, go to a {@link MemberReader}; an array of objects becomes one
 * target per element, its members read the same way with the element's path ({@code data[3].}).
 * Members a reader does not know are skipped whole.
 */
public final class WireObjects {
  private WireObjects() {}

  /** Reads one member of an object into a target. */
  @FunctionalInterface
  public interface MemberReader<T> {
    /**
     * Reads member {@code name} of {@code target}; the reader is on its value, token {@code value}.
     *
     * @param path the object's path, ending with a dot ({@code data[0].}), empty for the message
     * @return false when {@code name} is not one this reader reads (the value is then skipped)
     */
    boolean read(JsonStream in, T target, String name, JsonToken value, String path);
  }

  /** Reads {@code text}, one JSON object and nothing after it, into {@code target}. */
  public static <T> T message(String text, T target, MemberReader<T> members) {
    try (JsonStream in = JsonStream.of(text)) {
      in.next(JsonToken.START_OBJECT, "message");
      members(in, target, members, "");
      in.end();
    }
    return target;
  }

  /**
   * Reads {@code [{...}, ...]} (the reader is on its first token {@code t}) at {@code path}: each
   * element into a new target from {@code create}, handed to {@code add} once read.
   */
  public static <T> void array(
      JsonStream in, JsonToken t, String path, Supplier<T> create, MemberReader<T> members, Consumer<T> add) {
    JsonStream.expect(t, JsonToken.START_ARRAY, path);
    for (int i = 0; in.nextElement(); i++) {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path + "[" + i + "]");
      T target = create.get();
      members(in, target, members, path + "[" + i + "].");
      add.accept(target);
    }
  }

  /** Reads the members of the object the reader is in (after its {@code START_OBJECT}) into {@code target}. */
  public static <T> void members(JsonStream in, T target, MemberReader<T> members, String path) {
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      JsonToken value = in.next();
      if (!members.read(in, target, name, value, path)) {
        in.skipCurrent();
      }
    }
  }
}
