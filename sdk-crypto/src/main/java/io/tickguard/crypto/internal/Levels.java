package io.tickguard.crypto.internal;

import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.Arrays;
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
  /**
   * Sides are presized for the levels asked up to this many (Binance's deepest book), so a full
   * 5,000-level side is read into one array that becomes the list: no growth, no copy.
   */
  private static final int PRESIZED = 5000;

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
    PriceLevel[] out = new PriceLevel[Math.min(Math.max(max, 0), PRESIZED)];
    BigDecimal[] pair = new BigDecimal[2];
    int n = 0;
    for (int read; ; n++) {
      if (n >= max) {
        if (in.nextElement()) {
          requireWithin(n, max, at.member(member).self()); // throws, naming the side
        }
        break;
      }
      read = in.nextDecimalPair(pair);
      if (read == JsonStream.PAIRS_END) {
        break;
      }
      if (read != JsonStream.PAIR) {
        throw refused(in, read, at, member, n);
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, (int) Math.min(max, out.length * 2L + 16));
      }
      out[n] = level(pair[0], pair[1], at, member, n);
    }
    return List.of(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /** The exception for level {@code i}, which {@link JsonStream#nextDecimalPair} answered {@code read} for. */
  private static InvalidResponseException refused(JsonStream in, int read, JsonPath at, String member, int i) {
    if (read == JsonStream.NOT_AN_ARRAY) {
      JsonStream.expect(in.current(), JsonToken.START_ARRAY, at.child(member, i));
    }
    return in.invalidDecimal(at.child(member, i).field(read == JsonStream.FIRST_NOT_DECIMAL ? "price" : "size"));
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
