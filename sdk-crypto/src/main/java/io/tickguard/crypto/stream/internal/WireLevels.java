package io.tickguard.crypto.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.KnownNames;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * Reads book diffs into {@link LevelChange}s: a size of zero is a removal, so unlike a snapshot's
 * levels, zero sizes are accepted. JSON paths are built only when a value is refused.
 */
public final class WireLevels {
  private WireLevels() {}

  /**
   * Reads {@code [["price","size", ...], ...]} (the reader is on its {@code START_ARRAY}) into {@code
   * out}; the array is {@code member} below {@code at}, named in errors only.
   */
  public static void readPairs(JsonStream in, BookSide side, JsonPath at, String member, List<LevelChange> out) {
    if (in.current() != JsonToken.START_ARRAY) {
      JsonStream.expect(in.current(), JsonToken.START_ARRAY, at.member(member));
    }
    for (int i = 0; in.nextElement(); i++) {
      if (in.current() != JsonToken.START_ARRAY) {
        JsonStream.expect(in.current(), JsonToken.START_ARRAY, at.child(member, i));
      }
      in.next();
      BigDecimal price = in.decimalOrNull();
      if (price == null) {
        throw in.invalidDecimal(at.child(member, i).self() + "[0]");
      }
      in.next();
      BigDecimal size = in.decimalOrNull();
      if (size == null) {
        throw in.invalidDecimal(at.child(member, i).self() + "[1]");
      }
      in.skipRestOfArray();
      out.add(change(side, price, size, at, member, i));
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
   * @param members the price, size and (when named) side members as a set, numbered in that order
   */
  public record ObjectLevel(String price, String size, String sideMember, BookSide side, KnownNames members) {
    /** Levels of one side, e.g. Kraken's {@code bids}. */
    public static ObjectLevel of(String price, String size, BookSide side) {
      return new ObjectLevel(price, size, null, side, KnownNames.of(price, size));
    }

    /**
     * Levels that name their side, e.g. Coinbase's {@code updates}; {@code skipped} are members
     * every level carries and the reader skips (named so they are found by number).
     */
    public static ObjectLevel sided(String price, String size, String sideMember, String... skipped) {
      String[] names = new String[3 + skipped.length];
      names[0] = price;
      names[1] = size;
      names[2] = sideMember;
      System.arraycopy(skipped, 0, names, 3, skipped.length);
      return new ObjectLevel(price, size, sideMember, null, KnownNames.of(names));
    }
  }

  /**
   * Reads {@code [{...}, ...]} (the reader is on its {@code START_ARRAY} token {@code t}) with members
   * named by {@code names} into {@code out}; other members are skipped, a missing one is refused.
   * The side member's values are read through {@code texts}.
   */
  public static void readObjects(JsonStream in, JsonToken t, JsonPath at, String member, ObjectLevel names, TextCache texts,
      List<LevelChange> out) {
    if (t != JsonToken.START_ARRAY) {
      JsonStream.expect(t, JsonToken.START_ARRAY, at.member(member));
    }
    for (int i = 0; in.nextElement(); i++) {
      if (in.current() != JsonToken.START_OBJECT) {
        JsonStream.expect(in.current(), JsonToken.START_OBJECT, at.child(member, i));
      }
      BookSide side = names.side();
      BigDecimal price = null;
      BigDecimal size = null;
      KnownNames known = names.members();
      for (int m = in.nextMember(known); m != JsonStream.END; m = in.nextMember(known)) {
        in.next();
        switch (m) {
          case 0 -> price = decimal(in, at, member, i, names.price());
          case 1 -> size = decimal(in, at, member, i, names.size());
          case 2 -> {
            String name = names.sideMember();
            side = side(in.current() == JsonToken.VALUE_STRING ? in.string(at, name, texts) : in.string(at.child(member, i), name),
                at, member, i, name);
          }
          default -> in.skipCurrent();
        }
      }
      if (side == null || price == null || size == null) {
        String field = at.child(member, i).field(side == null ? names.sideMember() : price == null ? names.price() : names.size());
        throw new InvalidResponseException(field, "Field " + field + " is missing");
      }
      out.add(change(side, price, size, at, member, i));
    }
  }

  /**
   * The current token as a decimal, member {@code name} of element {@code i} of array {@code member}
   * below {@code at}; that element's path is made only when the value is refused, not per level.
   */
  public static BigDecimal decimal(JsonStream in, JsonPath at, String member, int i, String name) {
    BigDecimal d = in.decimalOrNull();
    return d != null ? d : in.decimal(at.child(member, i), name);
  }

  /** The current token as a string, named like {@link #decimal(JsonStream, JsonPath, String, int, String)}. */
  public static String string(JsonStream in, JsonPath at, String member, int i, String name) {
    return in.current() == JsonToken.VALUE_STRING ? in.string(name) : in.string(at.child(member, i), name);
  }

  private static BookSide side(String text, JsonPath at, String member, int i, String field) {
    return switch (text) {
      case "bid" -> BookSide.BID;
      case "offer", "ask" -> BookSide.ASK;
      default -> {
        String path = at.child(member, i).field(field);
        throw new InvalidResponseException(path, "Field " + path + " must be bid or offer");
      }
    };
  }

  /**
   * An unmodifiable copy of a diff's changes, read into a reused list: the list a {@code
   * BookUpdateEvent} keeps without copying it again. Up to six changes (what a stream message mostly
   * carries) it is made from one array, where {@link List#copyOf} makes two (the list's array, then
   * the checked copy).
   */
  public static List<LevelChange> immutableCopy(List<LevelChange> changes) {
    List<LevelChange> c = changes;
    return switch (c.size()) {
      case 0 -> List.of();
      case 1 -> List.of(c.get(0));
      case 2 -> List.of(c.get(0), c.get(1));
      case 3 -> List.of(c.get(0), c.get(1), c.get(2));
      case 4 -> List.of(c.get(0), c.get(1), c.get(2), c.get(3));
      case 5 -> List.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4));
      case 6 -> List.of(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5));
      default -> List.copyOf(c);
    };
  }

  /** A change, or an {@link InvalidResponseException} on {@code member[i]} below {@code at}. */
  public static LevelChange change(BookSide side, BigDecimal price, BigDecimal size, JsonPath at, String member, int i) {
    try {
      return new LevelChange(side, price, size);
    } catch (InvalidValueException e) {
      String field = at.child(member, i).field(e.field());
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }
}
