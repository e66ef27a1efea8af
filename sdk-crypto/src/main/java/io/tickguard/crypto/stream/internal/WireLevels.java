package io.tickguard.crypto.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonStream;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Reads book diffs into {@link LevelChange}s: a size of zero is a removal, so unlike a snapshot's
 * levels, zero sizes are accepted. JSON paths are built only when a value is refused.
 */
public final class WireLevels {
  private WireLevels() {}

  /** Reads {@code [["price","size", ...], ...]} (the reader is on its {@code START_ARRAY}) into {@code out}. */
  public static void readPairs(JsonStream in, BookSide side, String path, List<LevelChange> out) {
    JsonStream.expect(in.current(), JsonToken.START_ARRAY, path);
    for (int i = 0; in.nextElement(); i++) {
      if (in.current() != JsonToken.START_ARRAY) {
        JsonStream.expect(in.current(), JsonToken.START_ARRAY, path + "[" + i + "]");
      }
      BigDecimal price = in.nextDecimal(path, i, "[0]");
      BigDecimal size = in.nextDecimal(path, i, "[1]");
      in.skipRestOfArray();
      out.add(change(side, price, size, path, i));
    }
  }

  /** A change, or an {@link InvalidResponseException} on {@code path[i]}. */
  public static LevelChange change(BookSide side, BigDecimal price, BigDecimal size, String path, int i) {
    try {
      return new LevelChange(side, price, size);
    } catch (InvalidValueException e) {
      String field = path + "[" + i + "]." + e.field();
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }
}
