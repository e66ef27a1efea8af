package io.tickguard.crypto.coinbase.stream.internal;

import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.internal.WireLevels;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link CoinbaseMessage#read(String)}: an {@code l2_data} message in exactly the
 * compact layout Coinbase sends, {@code {"channel":"l2_data","client_id":"..","timestamp":"..",
 * "sequence_num":N,"events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid",
 * "event_time":"..","price_level":"..","new_quantity":".."},...]},...]}}, read straight from the
 * message's characters: members in that order, each once, no whitespace, event types {@code
 * snapshot} or {@code update}, sides {@code bid}, {@code offer} or {@code ask}, strings of printable
 * ASCII without escapes (at most 128 characters), {@code sequence_num} an integer without sign or
 * leading zero of at most 18 digits, prices and sizes plain decimal strings of at most 18 digits (a
 * price above zero), and nothing after the document. {@code client_id}, {@code timestamp} and {@code
 * event_time} are only checked to be such strings: the full reader skips them without reading them.
 *
 * <p>Everything this layout allows is strict JSON that the full reader decodes to the same fields
 * (same channel, event type and product strings through the same {@link TextCache}, same sequence,
 * same {@link BigDecimal}s with the same scale, same changes in the same order). At the first
 * character outside it this reader answers {@code false} and sets nothing; the full reader then reads
 * the message from the start and accepts or refuses it with its own messages. So nothing is refused
 * here, and nothing is accepted here that the full reader would refuse.
 *
 * <p>Why: Coinbase's updates are long (a timestamp in every level); Jackson's token walk of them,
 * the parser's creation and the member bookkeeping cost more than the decoding proper (issue 13). One
 * instance per {@link CoinbaseMessage}, reused on the feed's reader thread (not thread-safe).
 */
final class CompactLevel2 {
  private static final char[] HEAD = "{\"channel\":\"l2_data\",\"client_id\":\"".toCharArray();
  /** Where the channel's characters start in {@link #HEAD}. */
  private static final int CHANNEL = "{\"channel\":\"".length();
  private static final int CHANNEL_LENGTH = "l2_data".length();
  private static final char[] TIMESTAMP = ",\"timestamp\":\"".toCharArray();
  private static final char[] SEQUENCE = ",\"sequence_num\":".toCharArray();
  private static final char[] EVENTS = ",\"events\":[".toCharArray();
  private static final char[] TYPE = "{\"type\":\"".toCharArray();
  private static final char[] PRODUCT = ",\"product_id\":\"".toCharArray();
  private static final char[] UPDATES = ",\"updates\":[".toCharArray();
  private static final char[] SIDE = "{\"side\":\"".toCharArray();
  private static final char[] EVENT_TIME = ",\"event_time\":\"".toCharArray();
  private static final char[] PRICE = ",\"price_level\":".toCharArray();
  private static final char[] SIZE = ",\"new_quantity\":".toCharArray();
  private static final char[] BID = "bid\"".toCharArray();
  private static final char[] OFFER = "offer\"".toCharArray();
  private static final char[] ASK = "ask\"".toCharArray();
  private static final char[] UPDATE = "update\"".toCharArray();
  private static final char[] SNAPSHOT = "snapshot\"".toCharArray();
  /** Digits that always fit a {@code long}; longer numbers go to the full reader. */
  private static final int MAX_DIGITS = 18;
  /** The longest string read here (the full reader takes up to 1 MiB). */
  private static final int MAX_TEXT = 128;
  /** Longer messages go to the full reader, so the reused buffer stays bounded. */
  static final int MAX_CHARS = 1 << 16;

  private final TextCache texts;
  /** The changes of the event being read; copied once into the event's immutable list. */
  private final List<LevelChange> scratch = new ArrayList<>();
  /** The events read, handed to the message only when the whole message is in the layout. */
  private final List<CoinbaseMessage.Event> events = new ArrayList<>();
  /** The message's characters, copied once; grown up to {@link #MAX_CHARS}. */
  private char[] buf = new char[1024];
  private int end;
  private int at;

  /** @param texts the cache the full reader reads channels, event types and products through */
  CompactLevel2(TextCache texts) {
    this.texts = texts;
  }

  /**
   * Reads {@code text} into {@code into} (already cleared) when it is an {@code l2_data} message in
   * the compact layout; else {@code false}, with nothing of {@code into} set.
   */
  boolean read(String text, CoinbaseMessage into) {
    int n = text.length();
    if (n > MAX_CHARS || n < HEAD.length) {
      return false;
    }
    if (buf.length < n) {
      buf = new char[Math.min(MAX_CHARS, Math.max(n, buf.length * 2))];
    }
    text.getChars(0, n, buf, 0);
    end = n;
    at = 0;
    events.clear();
    if (!skip(HEAD) || plainText() < 0 || !skip(TIMESTAMP) || plainText() < 0 || !skip(SEQUENCE)) {
      return false;
    }
    long sequence = integer();
    if (sequence < 0 || !skip(EVENTS)) {
      return false;
    }
    while (true) {
      if (!event()) {
        return false;
      }
      if (at >= end) {
        return false;
      }
      char next = buf[at++];
      if (next == ']') {
        break;
      }
      if (next != ',') {
        return false;
      }
    }
    if (at + 1 != end || buf[at] != '}') {
      return false;
    }
    into.channel = texts.text(HEAD, CHANNEL, CHANNEL_LENGTH);
    into.sequence = sequence;
    into.events.addAll(events);
    return true;
  }

  /** One element of {@code events}, added to {@link #events}. */
  private boolean event() {
    if (!skip(TYPE)) {
      return false;
    }
    int typeStart = at;
    if (!skip(UPDATE) && !skip(SNAPSHOT)) {
      return false;
    }
    int typeLength = at - typeStart - 1;
    if (!skip(PRODUCT)) {
      return false;
    }
    int productStart = at;
    int productLength = plainText();
    if (productLength < 0 || !skip(UPDATES)) {
      return false;
    }
    scratch.clear();
    if (at >= end) {
      return false;
    }
    if (buf[at] == ']') {
      at++;
    } else if (!updates()) {
      return false;
    }
    if (at >= end || buf[at++] != '}') {
      return false;
    }
    CoinbaseMessage.Event e = new CoinbaseMessage.Event();
    e.type = texts.text(buf, typeStart, typeLength);
    e.productId = texts.text(buf, productStart, productLength);
    e.updates = WireLevels.immutableCopy(scratch);
    events.add(e);
    return true;
  }

  /** The elements of {@code updates} (at least one) and the array's end, added to {@link #scratch}. */
  private boolean updates() {
    while (true) {
      if (!skip(SIDE)) {
        return false;
      }
      BookSide side;
      if (skip(BID)) {
        side = BookSide.BID;
      } else if (skip(OFFER) || skip(ASK)) {
        side = BookSide.ASK;
      } else {
        return false;
      }
      if (!skip(EVENT_TIME) || plainText() < 0 || !skip(PRICE)) {
        return false;
      }
      BigDecimal price = decimal();
      if (price == null || price.signum() <= 0 || !skip(SIZE)) {
        return false; // a price of zero: the full reader names the level
      }
      BigDecimal size = decimal();
      if (size == null || at + 1 >= end || buf[at++] != '}') {
        return false;
      }
      scratch.add(new LevelChange(side, price, size));
      char next = buf[at++];
      if (next == ']') {
        return true;
      }
      if (next != ',') {
        return false;
      }
    }
  }

  /** Steps over {@code expected} when the text continues with it. */
  private boolean skip(char[] expected) {
    int from = at;
    if (end - from < expected.length) {
      return false;
    }
    char[] b = buf;
    for (int i = 0; i < expected.length; i++) {
      if (b[from + i] != expected[i]) {
        return false;
      }
    }
    at = from + expected.length;
    return true;
  }

  /**
   * The rest of a string whose opening quote is read: printable ASCII without quote or backslash up
   * to the closing quote, which is stepped over; its length, or -1.
   */
  private int plainText() {
    int start = at;
    int limit = Math.min(end, start + MAX_TEXT + 1);
    char[] b = buf;
    for (int i = start; i < limit; i++) {
      char c = b[i];
      if (c == '"') {
        at = i + 1;
        return i - start;
      }
      if (c < 0x20 || c > 0x7e || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /** A JSON integer without sign or leading zero, of at most 18 digits; else -1. */
  private long integer() {
    int start = at;
    int limit = Math.min(end, start + MAX_DIGITS);
    char[] b = buf;
    long value = 0;
    int i = start;
    for (; i < limit && b[i] >= '0' && b[i] <= '9'; i++) {
      value = value * 10 + (b[i] - '0');
    }
    int digits = i - start;
    if (digits == 0 || (digits > 1 && b[start] == '0') || (i < end && b[i] >= '0' && b[i] <= '9')) {
      return -1;
    }
    at = i;
    return value;
  }

  /**
   * A string of digits with at most one inner '.' and at most 18 digits, as {@code
   * BigDecimal.valueOf(unscaled, scale)} (what {@code Decimals.parseOrNull} makes of it); else null.
   */
  private BigDecimal decimal() {
    char[] b = buf;
    if (at >= end || b[at] != '"') {
      return null;
    }
    int start = at + 1;
    long unscaled = 0;
    int i = start;
    for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
      unscaled = unscaled * 10 + (b[i] - '0');
    }
    int whole = i - start;
    int scale = 0;
    if (whole > 0 && i < end && b[i] == '.') {
      int fraction = ++i;
      for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
        unscaled = unscaled * 10 + (b[i] - '0');
      }
      scale = i - fraction;
      if (scale == 0) {
        return null;
      }
    }
    if (whole == 0 || whole + scale > MAX_DIGITS || i >= end || b[i] != '"') {
      return null;
    }
    at = i + 1;
    return BigDecimal.valueOf(unscaled, scale);
  }
}
