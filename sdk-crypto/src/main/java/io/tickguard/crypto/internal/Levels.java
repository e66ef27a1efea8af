package io.tickguard.crypto.internal;

import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Reads one side of a book written as positional arrays, {@code [["price","size", ...], ...]}, the
 * layout Binance and Kraken share. Elements after the size (Kraken's timestamp) are skipped.
 *
 * <p>Books reach 5,000 levels a side, so the happy path allocates only the two decimals and the
 * level: JSON paths for messages are built only when a level is refused.
 */
public final class Levels {
  private Levels() {}

  /**
   * Reads the array that follows; {@code path} names it in errors ({@code bids}). More than {@code
   * max} levels (the depth asked) is refused while reading, before a hostile answer fills memory.
   */
  public static List<PriceLevel> read(JsonStream in, String path, int max) {
    return read(in, JsonPath.ROOT, path, max);
  }

  /** {@link #read(JsonStream, String, int)} of the array {@code member} below {@code at}, named only on refusal. */
  public static List<PriceLevel> read(JsonStream in, JsonPath at, String member, int max) {
    in.next();
    JsonStream.expect(in.current(), JsonToken.START_ARRAY, at.member(member));
    List<PriceLevel> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      if (i >= max) {
        requireWithin(i, max, at.member(member).self()); // throws, naming the side
      }
      if (in.current() != JsonToken.START_ARRAY) {
        JsonStream.expect(in.current(), JsonToken.START_ARRAY, at.child(member, i));
      }
      in.next();
      BigDecimal price = in.decimalOrNull();
      if (price == null) {
        throw in.invalidDecimal(at.child(member, i).field("price"));
      }
      in.next();
      BigDecimal size = in.decimalOrNull();
      if (size == null) {
        throw in.invalidDecimal(at.child(member, i).field("size"));
      }
      in.skipRestOfArray();
      out.add(level(price, size, at, member, i));
    }
    return out;
  }

  /**
   * Refuses the element at {@code index} of {@code path} when it is beyond the {@code max} asked: an
   * answer larger than what was asked is not what was asked, and cutting it would hide that.
   */
  public static void requireWithin(int index, int max, String path) {
    if (index >= max) {
      throw new InvalidResponseException(path, "Field " + path + " has more than the " + max + " entries asked for");
    }
  }

  /** A level, or an {@link InvalidResponseException} on {@code member[i].field} below {@code at}. */
  public static PriceLevel level(BigDecimal price, BigDecimal size, JsonPath at, String member, int i) {
    try {
      return new PriceLevel(price, size);
    } catch (InvalidValueException e) {
      String field = at.child(member, i).field(e.field());
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }

  /** A level, or an {@link InvalidResponseException} on {@code path[i].field}. */
  public static PriceLevel level(BigDecimal price, BigDecimal size, String path, int i) {
    try {
      return new PriceLevel(price, size);
    } catch (InvalidValueException e) {
      String field = at(path, i, "." + e.field());
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }

  private static String at(String path, int i, String suffix) {
    return path + "[" + i + "]" + suffix;
  }
}
