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

  /**
   * The member names of a level written as an object ({@code {"price":..,"qty":..}}): the price and
   * size members, and either a fixed side or the member naming it ({@code "bid"}, {@code "offer"} or
   * {@code "ask"}).
   *
   * @param price the price member
   * @param size the size member
   * @param sideMember the member naming the side, or null when every level has {@code side}
   * @param side the side of every level when {@code sideMember} is null
   */
  public record ObjectLevel(String price, String size, String sideMember, BookSide side) {
    /** Levels of one side, e.g. Kraken's {@code bids}. */
    public static ObjectLevel of(String price, String size, BookSide side) {
      return new ObjectLevel(price, size, null, side);
    }

    /** Levels that name their side, e.g. Coinbase's {@code updates}. */
    public static ObjectLevel sided(String price, String size, String sideMember) {
      return new ObjectLevel(price, size, sideMember, null);
    }
  }

  /**
   * Reads {@code [{...}, ...]} (the reader is on its {@code START_ARRAY} token {@code t}) with members
   * named by {@code names} into {@code out}; other members are skipped, a missing one is refused.
   */
  public static void readObjects(JsonStream in, JsonToken t, String path, ObjectLevel names, List<LevelChange> out) {
    JsonStream.expect(t, JsonToken.START_ARRAY, path);
    for (int i = 0; in.nextElement(); i++) {
      JsonStream.expect(in.current(), JsonToken.START_OBJECT, path + "[" + i + "]");
      BookSide side = names.side();
      BigDecimal price = null;
      BigDecimal size = null;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        in.next();
        if (name.equals(names.price())) {
          price = in.decimal(path, i, "." + name);
        } else if (name.equals(names.size())) {
          size = in.decimal(path, i, "." + name);
        } else if (name.equals(names.sideMember())) {
          side = side(in.string(path + "[" + i + "]." + name), path + "[" + i + "]." + name);
        } else {
          in.skipCurrent();
        }
      }
      if (side == null || price == null || size == null) {
        String field = path + "[" + i + "]." + (side == null ? names.sideMember() : price == null ? names.price() : names.size());
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      out.add(change(side, price, size, path, i));
    }
  }

  private static BookSide side(String text, String field) {
    return switch (text) {
      case "bid" -> BookSide.BID;
      case "offer", "ask" -> BookSide.ASK;
      default -> throw new InvalidResponseException(field, "Field " + field + " must be bid or offer");
    };
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
