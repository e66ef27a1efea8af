package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.KnownNames;
import io.tickguard.market.internal.TextCache;
import io.tickguard.crypto.stream.internal.WireLevels;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonToken;

/**
 * The fields of one Binance stream message, read in one pass whatever their order: the combined
 * stream envelope ({@code stream}, {@code data}), replies ({@code result}, {@code id}, {@code code},
 * {@code msg}) and the event's own one-letter fields. Binance reuses letters across events with
 * different meanings and types ({@code b} is a bid array in {@code depthUpdate} and the best bid
 * price in {@code bookTicker}); the reader keeps each by type and the event type decides. One
 * instance per feed, reused for every message on the reader thread.
 */
final class BinanceMessage {
  /** The combined stream's payload, below which the event's fields sit. */
  private static final JsonPath DATA = JsonPath.ROOT.member("data");

  String event;
  String symbol;
  boolean hasId;
  long id;
  boolean hasCode;
  long code;
  String msg;
  boolean hasResult;
  long eventTime = -1;
  long tradeTime = -1;
  long tradeId = -1;
  long firstUpdateId = -1;
  long finalUpdateId = -1;
  Boolean buyerMaker;
  BigDecimal p;
  BigDecimal q;
  BigDecimal c;
  BigDecimal o;
  BigDecimal h;
  BigDecimal l;
  BigDecimal v;
  BigDecimal b;
  BigDecimal bQty;
  BigDecimal a;
  BigDecimal aQty;
  /** The depth levels read ({@code b} then {@code a} as they come), or null; reused: copy before keeping. */
  List<LevelChange> changes;
  private final List<LevelChange> levelScratch = new ArrayList<>();
  /** The event types and symbols every message repeats, read without a new string each time. */
  private final TextCache texts = new TextCache();
  /** Depth updates in the compact layout Binance sends, read without a parser; the rest below. */
  private final CompactDepthUpdate compact = new CompactDepthUpdate(texts, levelScratch);

  /** Reads {@code text} into this (cleared first): the compact fast path, else the full reader. */
  BinanceMessage read(String text) {
    clear();
    return compact.read(text, this) ? this : readFull(text);
  }

  /** Reads {@code text} into this (cleared first) with the full reader, whatever its layout. */
  BinanceMessage readFull(String text) {
    clear();
    try (JsonStream in = JsonStream.of(text)) {
      in.next(JsonToken.START_OBJECT, "message");
      fields(in, JsonPath.ROOT);
      in.end();
    }
    return this;
  }

  private void clear() {
    event = null;
    symbol = null;
    hasId = false;
    hasCode = false;
    msg = null;
    hasResult = false;
    eventTime = -1;
    tradeTime = -1;
    tradeId = -1;
    firstUpdateId = -1;
    finalUpdateId = -1;
    buyerMaker = null;
    p = q = c = o = h = l = v = b = bQty = a = aQty = null;
    changes = null;
  }

  /**
   * Every member name this reader takes, at either level (replies and raw streams carry the event's
   * fields at the top, the combined stream below {@code data}), numbered as {@link #fields} switches
   * on them: the depth update's fields first, as they are looked up in this order.
   */
  private static final KnownNames NAMES = KnownNames.of(
      "e", "E", "s", "U", "u", "b", "a", "stream", "data",
      "t", "T", "m", "p", "q", "c", "o", "h", "l", "v", "B", "A",
      "result", "id", "code", "msg");

  /** Reads the members of one object (the message, or the combined stream's {@code data}). */
  private void fields(JsonStream in, JsonPath path) {
    for (int name = in.nextMember(NAMES); name != JsonStream.END; name = in.nextMember(NAMES)) {
      JsonToken t = in.next();
      switch (name) {
        case 0 -> event = in.string(path, "e", texts);
        case 1 -> eventTime = in.integer(path, "E");
        case 2 -> symbol = in.string(path, "s", texts);
        case 3 -> firstUpdateId = in.integer(path, "U");
        case 4 -> finalUpdateId = in.integer(path, "u");
        case 5 -> {
          if (t == JsonToken.START_ARRAY) {
            levels(in, BookSide.BID, path, "b");
          } else {
            b = in.decimal(path, "b");
          }
        }
        case 6 -> {
          if (t == JsonToken.START_ARRAY) {
            levels(in, BookSide.ASK, path, "a");
          } else {
            a = in.decimal(path, "a");
          }
        }
        case 7 -> {
          if (t != JsonToken.VALUE_STRING) { // type-checked only: the name is not needed, so no string is made
            JsonStream.expect(t, JsonToken.VALUE_STRING, path.field("stream"));
          }
        }
        case 8 -> {
          JsonStream.expect(t, JsonToken.START_OBJECT, "data");
          fields(in, DATA);
        }
        case JsonStream.UNKNOWN -> in.skipCurrent();
        default -> other(in, name, path);
      }
    }
  }

  /** The members of trades, tickers, best bid/ask and replies: {@link #NAMES} from number 9 on. */
  private void other(JsonStream in, int name, JsonPath path) {
    switch (name) {
      case 9 -> tradeId = in.integer(path, "t");
      case 10 -> tradeTime = in.integer(path, "T");
      case 11 -> buyerMaker = in.bool(path, "m");
      case 12 -> p = in.decimal(path, "p");
      case 13 -> q = in.decimal(path, "q");
      case 14 -> c = in.decimal(path, "c");
      case 15 -> o = in.decimal(path, "o");
      case 16 -> h = in.decimal(path, "h");
      case 17 -> l = in.decimal(path, "l");
      case 18 -> v = in.decimal(path, "v");
      case 19 -> bQty = in.decimal(path, "B");
      case 20 -> aQty = in.decimal(path, "A");
      case 21 -> {
        hasResult = true;
        in.skipCurrent();
      }
      case 22 -> {
        if (in.current() == JsonToken.VALUE_NULL) {
          hasId = false;
        } else {
          hasId = true;
          id = in.integer(path, "id");
        }
      }
      case 23 -> {
        hasCode = true;
        code = in.integer(path, "code");
      }
      case 24 -> msg = in.string(path, "msg");
      default -> throw new IllegalStateException("member number " + name + " is not read");
    }
  }

  private void levels(JsonStream in, BookSide side, JsonPath path, String member) {
    if (changes == null) {
      levelScratch.clear();
      changes = levelScratch;
    }
    WireLevels.readPairs(in, side, path, member, changes);
  }

  /** The field, or an exception naming it when the event lacks it. */
  static <T> T need(T value, String field) {
    if (value == null) {
      throw new InvalidResponseException(field, "Field " + field + " is missing");
    }
    return value;
  }

  /** The id field, or an exception naming it when the event lacks it. */
  static long need(long value, String field) {
    if (value < 0) {
      throw new InvalidResponseException(field, "Field " + field + " is missing or negative");
    }
    return value;
  }
}
