package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
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

  /** Reads {@code text} into this (cleared first). */
  BinanceMessage read(String text) {
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
   * Reads the members of one object: the event's one-letter fields are told apart by their letter
   * (a {@code switch} on a {@code char}, no string comparison), the longer envelope and reply
   * members in {@link #envelope}.
   */
  private void fields(JsonStream in, JsonPath path) {
    for (String name = in.nextName(); name != null; name = in.nextName()) {
      JsonToken t = in.next();
      if (name.length() != 1) {
        envelope(in, name, t, path);
        continue;
      }
      switch (name.charAt(0)) {
        case 'e' -> event = in.string(path, "e", texts);
        case 'E' -> eventTime = in.integer(path, "E");
        case 's' -> symbol = in.string(path, "s", texts);
        case 'U' -> firstUpdateId = in.integer(path, "U");
        case 'u' -> finalUpdateId = in.integer(path, "u");
        case 'b' -> {
          if (t == JsonToken.START_ARRAY) {
            levels(in, BookSide.BID, path, "b");
          } else {
            b = in.decimal(path, "b");
          }
        }
        case 'a' -> {
          if (t == JsonToken.START_ARRAY) {
            levels(in, BookSide.ASK, path, "a");
          } else {
            a = in.decimal(path, "a");
          }
        }
        default -> scalar(in, name.charAt(0), path);
      }
    }
  }

  /** The one-letter fields of trades, tickers and best bid/ask (skipped when unknown). */
  private void scalar(JsonStream in, char letter, JsonPath path) {
    switch (letter) {
      case 't' -> tradeId = in.integer(path, "t");
      case 'T' -> tradeTime = in.integer(path, "T");
      case 'm' -> buyerMaker = in.bool(path, "m");
      case 'p' -> p = in.decimal(path, "p");
      case 'q' -> q = in.decimal(path, "q");
      case 'c' -> c = in.decimal(path, "c");
      case 'o' -> o = in.decimal(path, "o");
      case 'h' -> h = in.decimal(path, "h");
      case 'l' -> l = in.decimal(path, "l");
      case 'v' -> v = in.decimal(path, "v");
      case 'B' -> bQty = in.decimal(path, "B");
      case 'A' -> aQty = in.decimal(path, "A");
      default -> in.skipCurrent();
    }
  }

  /** The combined stream's envelope and the replies' members (skipped when unknown). */
  private void envelope(JsonStream in, String name, JsonToken t, JsonPath path) {
    switch (name) {
      case "stream" -> {
        if (t != JsonToken.VALUE_STRING) { // type-checked only: the name is not needed, so no string is made
          JsonStream.expect(t, JsonToken.VALUE_STRING, path.field("stream"));
        }
      }
      case "data" -> {
        JsonStream.expect(t, JsonToken.START_OBJECT, "data");
        fields(in, DATA);
      }
      case "result" -> {
        hasResult = true;
        in.skipCurrent();
      }
      case "id" -> {
        if (t == JsonToken.VALUE_NULL) {
          hasId = false;
        } else {
          hasId = true;
          id = in.integer(path, "id");
        }
      }
      case "code" -> {
        hasCode = true;
        code = in.integer(path, "code");
      }
      case "msg" -> msg = in.string(path, "msg");
      default -> in.skipCurrent();
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
