package io.tickguard.market.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * A forward-only reader over a response body for large payloads (order books, candles, trades):
 * values go straight from the token stream into the model, with no intermediate tree. Every
 * unexpected token becomes an {@link InvalidResponseException} naming the path the caller gives,
 * and so does malformed JSON: no parser exception leaves this class, so a decoder built on it ends
 * in a value or a typed exception whoever calls it.
 */
public final class JsonStream implements AutoCloseable {
  /**
   * The strict parser settings (limits, no lenient syntax) without the parser's duplicate detection,
   * which allocates a {@code HashSet} per object of three or more members: this reader checks member
   * names itself ({@link #member}). Parsers come straight from the factory (no mapper context per
   * message) and take their buffers from the per-thread pool the strict settings choose ({@link
   * StrictJson#builder()}): a stream's reader thread parses one message after another, and a shared
   * pool's queue costs more than the parsing of a small message.
   */
  private static final JsonFactory STREAMING = StrictJson.builder().build().tokenStreamFactory()
      .rebuild()
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  /** Up to this many members per object are compared pairwise; a larger object gets a set. */
  private static final int LINEAR_NAMES = 16;
  /** {@link #nextMember}'s answer for a name outside the set given. */
  public static final int UNKNOWN = -1;
  /** {@link #nextMember}'s answer at the end of the object. */
  public static final int END = -2;

  /** Each thread's member-name arrays, lent to one reader at a time (a stream reads message after message). */
  private static final ThreadLocal<Names> THREAD_NAMES = ThreadLocal.withInitial(Names::new);

  private final JsonParser parser;
  /** The member-name arrays this reader uses; returned to the thread on {@link #close()}. */
  private final Names lent;
  /** Per object nesting depth: the member names seen so far in the open object at that depth. */
  private String[][] names;
  private int[] counts;
  /** Per depth, the names of an open object that outgrew {@link #LINEAR_NAMES} (else null). */
  private Set<String>[] largeObjects;
  /** Per depth, the name set the open object is read with ({@link #nextMember}), or null. */
  private KnownNames[] known;
  /** Per depth, one bit per name of {@link #known} already seen in the open object. */
  private long[] knownSeen;
  /**
   * Objects open around the reader's position, counted here rather than asked of the parser per
   * token: it indexes the arrays above (two objects open at once never share a count).
   */
  private int openObjects;

  private JsonStream(JsonParser parser) {
    this.parser = parser;
    Names shared = THREAD_NAMES.get();
    // A reader opened while another is open on this thread gets arrays of its own.
    Names own = shared.lent ? new Names() : shared;
    own.lent = true;
    this.lent = own;
    this.names = own.names;
    this.counts = own.counts;
    this.largeObjects = own.largeObjects;
    this.known = own.known;
    this.knownSeen = own.knownSeen;
  }

  /**
   * The arrays behind the duplicate-member check, kept per thread so that a reader per message does
   * not allocate them again. Their content needs no clearing: a depth's count restarts at zero when
   * an object opens there, before any name is compared.
   */
  private static final class Names {
    String[][] names = new String[8][];
    int[] counts = new int[8];
    Set<String>[] largeObjects = newSets(8);
    KnownNames[] known = new KnownNames[8];
    long[] knownSeen = new long[8];
    boolean lent;
  }

  /** A reader over {@code response}'s body, with the strict parser settings. */
  public static JsonStream of(ApiResponse response) {
    return of(response.body());
  }

  /**
   * A reader over {@code json}, with the strict parser settings. Jackson detects a byte source's
   * encoding from its first bytes when the parser is made, so bytes it cannot read (a UCS-4 byte
   * order it does not support, {@code 00 5E 00 00...}) are refused here already, as malformed JSON.
   */
  public static JsonStream of(byte[] json) {
    JsonParser parser;
    try {
      parser = STREAMING.createParser(ObjectReadContext.empty(), json);
    } catch (JacksonException e) {
      throw malformed(e);
    }
    return new JsonStream(parser);
  }

  /** A reader over {@code json} (one stream message), with the strict parser settings. */
  public static JsonStream of(String json) {
    return new JsonStream(STREAMING.createParser(ObjectReadContext.empty(), json));
  }

  /** Advances and returns the next token ({@code null} at the end of input). */
  public JsonToken next() {
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (JacksonException e) {
      throw malformed(e);
    }
    if (t == JsonToken.PROPERTY_NAME) {
      member(parser.currentName());
    } else if (t == JsonToken.START_OBJECT) {
      openObject();
    } else if (t == JsonToken.END_OBJECT) {
      openObjects--;
    }
    return t;
  }

  /** The name of the member the reader is on (or inside), or {@code null} outside any object. */
  public String currentName() {
    return parser.currentName();
  }

  /** The current token. */
  public JsonToken current() {
    return parser.currentToken();
  }

  /** Advances and requires {@code expected}. */
  public void next(JsonToken expected, String path) {
    expect(next(), expected, path);
  }

  /** Requires {@code actual} to be {@code expected}. */
  public static void expect(JsonToken actual, JsonToken expected, String path) {
    if (actual != expected) {
      throw new InvalidResponseException(path, "Field " + path + " must be " + describe(expected) + ", found " + describe(actual));
    }
  }

  /**
   * Advances inside an array: {@code true} when an element starts (the reader is on its first
   * token), {@code false} at the end of the array.
   */
  public boolean nextElement() {
    return next() != JsonToken.END_ARRAY;
  }

  /** The next member name of the current object, or {@code null} at its end. */
  public String nextName() {
    String name;
    try {
      name = parser.nextName();
    } catch (JacksonException e) {
      throw malformed(e);
    }
    if (name != null) {
      member(name);
    } else if (parser.currentToken() == JsonToken.END_OBJECT) {
      openObjects--;
    }
    return name;
  }

  /** A new object opened inside the ones open: its member names start empty. */
  private void openObject() {
    int depth = ++openObjects;
    if (depth >= counts.length) {
      int size = Math.max(depth + 1, counts.length * 2);
      names = Arrays.copyOf(names, size);
      counts = Arrays.copyOf(counts, size);
      largeObjects = Arrays.copyOf(largeObjects, size);
      known = Arrays.copyOf(known, size);
      knownSeen = Arrays.copyOf(knownSeen, size);
      lent.names = names;
      lent.counts = counts;
      lent.largeObjects = largeObjects;
      lent.known = known;
      lent.knownSeen = knownSeen;
    }
    counts[depth] = 0;
    largeObjects[depth] = null;
    known[depth] = null;
    knownSeen[depth] = 0;
  }

  /**
   * The next member of the current object as its number in {@code names} (the reader is then on the
   * name, {@link #next()} reads its value), {@link #UNKNOWN} for a name outside the set (read it with
   * {@link #currentName()}; its value must be read or skipped as well), or {@link #END} at the
   * object's end. Repeated names are refused as by {@link #nextName()}: the names of the set with a
   * bit each, the others by comparison. An object is read with one set from its first member on,
   * whether its members come through this method, {@link #nextName()} or {@link #next()}.
   *
   * @throws IllegalStateException when the object's earlier members were read without this set or with another one
   */
  public int nextMember(KnownNames names) {
    String name;
    try {
      name = parser.nextName();
    } catch (JacksonException e) {
      throw malformed(e);
    }
    if (name == null) {
      if (parser.currentToken() == JsonToken.END_OBJECT) {
        openObjects--;
      }
      return END;
    }
    int depth = openObjects;
    if (known[depth] != names) {
      if (known[depth] != null || counts[depth] != 0 || largeObjects[depth] != null) {
        throw new IllegalStateException("An object's members are read with one name set from its first member on");
      }
      known[depth] = names;
    }
    int i = names.indexOf(name);
    if (i < 0) {
      unlisted(depth, name);
      return UNKNOWN;
    }
    seen(depth, i, name);
    return i;
  }

  /** Records name number {@code i} of the open object's set, refusing a repeat. */
  private void seen(int depth, int i, String name) {
    long bit = 1L << i;
    long seen = knownSeen[depth];
    if ((seen & bit) != 0) {
      throw duplicate(name);
    }
    knownSeen[depth] = seen | bit;
  }

  /**
   * Records member {@code name} of the open object and refuses a repeat: a second {@code "price"}
   * must not silently win. Small objects (all of TickGuard's wire formats) are checked against a
   * reused array of the names seen, without allocating; a larger one gets a set, so a hostile object
   * with thousands of members costs linear time, not quadratic.
   */
  private void member(String name) {
    int depth = openObjects;
    KnownNames set = known[depth];
    int i = set == null ? -1 : set.indexOf(name);
    if (i >= 0) {
      seen(depth, i, name);
    } else {
      unlisted(depth, name);
    }
  }

  /** Records {@code name}, which is not in the open object's name set (if it has one), refusing a repeat. */
  private void unlisted(int depth, String name) {
    Set<String> large = largeObjects[depth];
    if (large != null) {
      if (!large.add(name)) {
        throw duplicate(name);
      }
      return;
    }
    String[] seen = names[depth];
    if (seen == null) {
      seen = new String[LINEAR_NAMES];
      names[depth] = seen;
    }
    int count = counts[depth];
    int hash = name.hashCode(); // cached in the parser's canonical name strings
    for (int i = 0; i < count; i++) {
      String other = seen[i];
      if (other.hashCode() == hash && other.equals(name)) {
        throw duplicate(name);
      }
    }
    if (count < LINEAR_NAMES) {
      seen[count] = name;
      counts[depth] = count + 1;
    } else {
      large = new HashSet<>(Arrays.asList(seen));
      large.add(name);
      largeObjects[depth] = large;
    }
  }

  private static InvalidResponseException duplicate(String name) {
    return new InvalidResponseException(
        "body", "Response is not valid JSON: duplicate field '" + safe(name) + "'");
  }

  /** A member name fit for a message: printable ASCII, at most 64 characters. */
  private static String safe(String name) {
    String cleaned = name.replaceAll("[^\\x20-\\x7e]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
  }

  @SuppressWarnings("unchecked")
  private static Set<String>[] newSets(int size) {
    return (Set<String>[]) new Set<?>[size];
  }

  /** Skips the value the reader is on (scalars, or whole objects and arrays). */
  public void skipCurrent() {
    // Token by token rather than the parser's skipChildren(): skipped objects are checked for
    // repeated members too, as the strict parser did.
    JsonToken t = current();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    int open = 1;
    while (open > 0) {
      JsonToken n = next();
      if (n == null) {
        throw new InvalidResponseException("body", "Response is not valid JSON: unexpected end of input");
      }
      if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) {
        open++;
      } else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) {
        open--;
      }
    }
  }

  /** Advances and skips the next value. */
  public void skipNext() {
    next();
    skipCurrent();
  }

  /** Reads the current token as a decimal written as a JSON string or number. */
  public BigDecimal decimal(String path) {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      throw invalidDecimal(path);
    }
    return d;
  }

  /**
   * The current token as an exact decimal, or {@code null} when it is not a plain decimal string or
   * number. Reads the parser's character buffer directly: no string is created for valid values.
   */
  public BigDecimal decimalOrNull() {
    JsonToken t = current();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return Decimals.parseOrNull(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
      } catch (JacksonException e) {
        throw malformed(e);
      }
    }
    return null;
  }

  /** {@link #nextDecimalPair}'s answer: both decimals were read and the element's end passed. */
  public static final int PAIR = 0;
  /** {@link #nextDecimalPair}'s answer: the enclosing array ended; no element was read. */
  public static final int PAIRS_END = 1;
  /** {@link #nextDecimalPair}'s answer: the element is not an array; the reader is on it. */
  public static final int NOT_AN_ARRAY = 2;
  /** {@link #nextDecimalPair}'s answer: the element's first value is not a decimal; the reader is on it. */
  public static final int FIRST_NOT_DECIMAL = 3;
  /** {@link #nextDecimalPair}'s answer: the element's second value is not a decimal; the reader is on it. */
  public static final int SECOND_NOT_DECIMAL = 4;

  /**
   * Reads the next element of the array the reader is in, when elements are arrays that start with
   * two decimals ({@code [["1.5","2"], ...]}, order-book levels): puts them in {@code out[0]} and
   * {@code out[1]}, skips the element's further values as {@link #skipRestOfArray()} does and answers
   * {@link #PAIR}; or answers {@link #PAIRS_END} at the end of the enclosing array, or {@link
   * #NOT_AN_ARRAY}, {@link #FIRST_NOT_DECIMAL} or {@link #SECOND_NOT_DECIMAL} with the reader on the
   * refused token (the caller names it: {@link #invalidDecimal}). The same tokens are accepted and
   * refused as by {@link #nextElement()}, {@link #next()}, {@link #decimalOrNull()} and {@link
   * #skipRestOfArray()} in turn, in one call per element for books of thousands of levels.
   */
  public int nextDecimalPair(BigDecimal[] out) {
    JsonToken t = next();
    if (t != JsonToken.START_ARRAY) {
      return t == JsonToken.END_ARRAY ? PAIRS_END : NOT_AN_ARRAY;
    }
    next();
    BigDecimal first = decimalOrNull();
    if (first == null) {
      return FIRST_NOT_DECIMAL;
    }
    next();
    BigDecimal second = decimalOrNull();
    if (second == null) {
      return SECOND_NOT_DECIMAL;
    }
    if (next() != JsonToken.END_ARRAY) {
      skipCurrent();
      skipRestOfArray();
    }
    out[0] = first;
    out[1] = second;
    return PAIR;
  }

  /** The exception for a current token that {@link #decimalOrNull()} refused, naming {@code path}. */
  public InvalidResponseException invalidDecimal(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return Decimals.invalid(text(), path);
    }
    return new InvalidResponseException(path, "Field " + path + " must be a decimal number or numeric string, found " + describe(t));
  }

  /** Advances and reads a decimal. */
  public BigDecimal nextDecimal(String path) {
    next();
    return decimal(path);
  }

  /**
   * Reads the current token as a decimal; on failure names {@code base[index]suffix}. The path is
   * only built when the value is refused, which keeps loops over thousands of entries allocation-free.
   */
  public BigDecimal decimal(String base, int index, String suffix) {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      throw invalidDecimal(base + "[" + index + "]" + suffix);
    }
    return d;
  }

  /** Advances and reads a decimal, naming {@code base[index]suffix} on failure. */
  public BigDecimal nextDecimal(String base, int index, String suffix) {
    next();
    return decimal(base, index, suffix);
  }

  /** Advances and reads an integer, naming {@code base[index]suffix} on failure. */
  public long nextInteger(String base, int index, String suffix) {
    next();
    if (current() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = numberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
    }
    return integer(base + "[" + index + "]" + suffix);
  }

  /**
   * Reads the current token as an integer written as a JSON number or a string of digits; one that
   * does not fit a {@code long} is refused, never wrapped or rounded.
   */
  public long integer(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = numberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
      throw new InvalidResponseException(path, "Field " + path + " does not fit a 64-bit integer");
    }
    if (t == JsonToken.VALUE_STRING && Integers.isLong(text())) {
      return Long.parseLong(text());
    }
    throw new InvalidResponseException(path, "Field " + path + " must be an integer, found " + describe(t));
  }

  /** Reads the current token as an integer in {@code [min, max]}; anything else is refused, naming {@code path}. */
  public long integer(String path, long min, long max) {
    return Integers.inRange(integer(path), min, max, path);
  }

  /** Advances and reads an integer. */
  public long nextInteger(String path) {
    next();
    return integer(path);
  }

  /** Reads the current token as a string. */
  public String string(String path) {
    if (current() != JsonToken.VALUE_STRING) {
      throw new InvalidResponseException(path, "Field " + path + " must be a string, found " + describe(current()));
    }
    return text();
  }

  private String text() {
    try {
      return parser.getString();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private JsonParser.NumberType numberType() {
    try {
      return parser.getNumberType();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static InvalidResponseException malformed(JacksonException e) {
    return new InvalidResponseException(
        "body", "Response is not valid JSON: " + e.getOriginalMessage(), io.tickguard.core.ErrorDetails.none(), e);
  }

  // Lazily named reads: the path is rendered from {@code at} and {@code field} only on refusal.

  /** Reads the current token as a decimal, naming {@code at.field} on failure. */
  public BigDecimal decimal(JsonPath at, String field) {
    BigDecimal d = decimalOrNull();
    return d != null ? d : decimal(at.field(field));
  }

  /** Reads the current token as an integer, naming {@code at.field} on failure. */
  public long integer(JsonPath at, String field) {
    if (current() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = numberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
    } else if (current() == JsonToken.VALUE_STRING) {
      String digits = text();
      if (Integers.isLong(digits)) {
        return Long.parseLong(digits); // Coinbase's heartbeat_counter, Kraken's ids: digits as a string
      }
    }
    return integer(at.field(field));
  }

  /** Reads the current token as an integer in {@code [min, max]}, naming {@code at.field} on failure. */
  public long integer(JsonPath at, String field, long min, long max) {
    long v = integer(at, field);
    return v >= min && v <= max ? v : Integers.inRange(v, min, max, at.field(field));
  }

  /** Reads the current token as a string, naming {@code at.field} on failure. */
  public String string(JsonPath at, String field) {
    return current() == JsonToken.VALUE_STRING ? text() : string(at.field(field));
  }

  /**
   * Reads the current token as a string, naming {@code at.field} on failure; a value {@code cache}
   * has seen recently is returned as the same instance, read from the parser's buffer without making
   * a new string (symbols, event types, sides: the few values a stream repeats in every message).
   */
  public String string(JsonPath at, String field, TextCache cache) {
    if (current() != JsonToken.VALUE_STRING) {
      return string(at.field(field));
    }
    try {
      return cache.text(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Reads the current token as a boolean, naming {@code at.field} on failure. */
  public boolean bool(JsonPath at, String field) {
    JsonToken t = current();
    return t == JsonToken.VALUE_TRUE || (t != JsonToken.VALUE_FALSE ? bool(at.field(field)) : false);
  }

  /** Advances and reads a decimal, naming {@code at.field} on failure. */
  public BigDecimal nextDecimal(JsonPath at, String field) {
    next();
    return decimal(at, field);
  }

  /** Advances and reads an integer, naming {@code at.field} on failure. */
  public long nextInteger(JsonPath at, String field) {
    next();
    return integer(at, field);
  }

  /** Advances and reads a string, naming {@code at.field} on failure. */
  public String nextString(JsonPath at, String field) {
    next();
    return string(at, field);
  }

  /** Requires {@code actual} to be {@code expected}; {@code at} names the value itself on failure. */
  public static void expect(JsonToken actual, JsonToken expected, JsonPath at) {
    if (actual != expected) {
      expect(actual, expected, at.self());
    }
  }

  /** Advances and reads a string. */
  public String nextString(String path) {
    next();
    return string(path);
  }

  /** Reads the current token as a boolean. */
  public boolean bool(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw new InvalidResponseException(path, "Field " + path + " must be true or false, found " + describe(t));
  }

  /** Requires that nothing follows the document. */
  public void end() {
    if (next() != null) {
      throw new InvalidResponseException("body", "Unexpected content after the JSON document");
    }
  }

  /** Skips the rest of the current array (the reader is inside it) up to and including its end. */
  public void skipRestOfArray() {
    while (nextElement()) {
      skipCurrent();
    }
  }

  @Override
  public void close() {
    Arrays.fill(largeObjects, null); // a hostile object's set is not kept with the thread
    lent.lent = false;
    try {
      parser.close();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case END_ARRAY:
        return "the end of an array";
      case END_OBJECT:
        return "the end of an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return "a number";
    }
  }
}
