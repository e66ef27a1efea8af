package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;
import java.util.List;

/**
 * The fast path of {@link BinanceMessage#read(String)}: a {@code depthUpdate} in exactly the compact
 * layout Binance sends, raw ({@code {"e":"depthUpdate","E":N,"s":"BNBBTC","U":N,"u":N,"b":[["p","q"],...],
 * "a":[...]}}) or in the combined stream's envelope ({@code {"stream":"bnbbtc@depth","data":{...}}}),
 * read straight from the message's characters: members in that order, each once, no whitespace,
 * strings of printable ASCII without escapes, integers without sign or leading zero of at most 18
 * digits, prices and sizes as plain decimal strings of at most 18 digits (a price above zero, a size
 * of zero or more: a zero size deletes the level) and nothing after the document.
 *
 * <p>Everything this layout allows is strict JSON that the full reader decodes to the same fields
 * (same event and symbol strings through the same {@link TextCache}, same longs, same {@link
 * BigDecimal}s with the same scale, same changes in the same order). At the first character outside
 * it this reader answers {@code false} and sets nothing but the reused change list, which the full
 * reader clears before use; the full reader then reads the message from the start and accepts or
 * refuses it with its own messages. So nothing is refused here, and nothing is accepted here that
 * the full reader would refuse.
 *
 * <p>Why: on a stream message of a few levels, creating a Jackson parser, walking its tokens and the
 * reader's member bookkeeping cost more than the decoding proper (issue 13's profile). One instance
 * per {@link BinanceMessage}, reused on the feed's reader thread (not thread-safe).
 */
final class CompactDepthUpdate {
  private static final char[] ENVELOPE = "{\"stream\":\"".toCharArray();
  private static final char[] DATA = ",\"data\":".toCharArray();
  private static final char[] EVENT = "{\"e\":\"depthUpdate\",\"E\":".toCharArray();
  private static final char[] SYMBOL = ",\"s\":\"".toCharArray();
  private static final char[] FIRST = ",\"U\":".toCharArray();
  private static final char[] FINAL = ",\"u\":".toCharArray();
  private static final char[] BIDS = ",\"b\":".toCharArray();
  private static final char[] ASKS = ",\"a\":".toCharArray();
  /** Digits that always fit a {@code long}; longer numbers go to the full reader. */
  private static final int MAX_DIGITS = 18;
  /** The longest stream name or symbol read here (the full reader takes up to 1 MiB). */
  private static final int MAX_TEXT = 128;
  /** Longer messages go to the full reader, so the reused buffer stays bounded. */
  static final int MAX_CHARS = 1 << 16;
  /** Where the event type's characters start in {@link #EVENT}. */
  private static final int EVENT_NAME = 6;
  private static final int EVENT_NAME_LENGTH = "depthUpdate".length();

  private final TextCache texts;
  private final List<LevelChange> scratch;
  /** The message's characters, copied once; grown up to {@link #MAX_CHARS}. */
  private char[] buf = new char[512];
  private int end;
  private int at;
  /** The last integer read by {@link #integer()}. */
  private long number;

  /**
   * @param texts the cache the full reader reads event types and symbols through
   * @param scratch the full reader's reused change list, which becomes {@link BinanceMessage#changes}
   */
  CompactDepthUpdate(TextCache texts, List<LevelChange> scratch) {
    this.texts = texts;
    this.scratch = scratch;
  }

  /**
   * Reads {@code text} into {@code into} (already cleared) when it is a {@code depthUpdate} in the
   * compact layout; else {@code false}, with nothing of {@code into} set.
   */
  boolean read(String text, BinanceMessage into) {
    int n = text.length();
    if (n > MAX_CHARS || n < EVENT.length) {
      return false;
    }
    if (buf.length < n) {
      buf = new char[Math.min(MAX_CHARS, Math.max(n, buf.length * 2))];
    }
    text.getChars(0, n, buf, 0);
    end = n;
    at = 0;
    boolean combined = skip(ENVELOPE);
    if (combined && (plainText() < 0 || !skip(DATA))) {
      return false;
    }
    if (!skip(EVENT) || !integer()) {
      return false;
    }
    long eventTime = number;
    if (!skip(SYMBOL)) {
      return false;
    }
    int symbolStart = at;
    int symbolLength = plainText();
    if (symbolLength < 0 || !skip(FIRST) || !integer()) {
      return false;
    }
    long first = number;
    if (!skip(FINAL) || !integer()) {
      return false;
    }
    long last = number;
    scratch.clear();
    if (!skip(BIDS) || !levels(BookSide.BID) || !skip(ASKS) || !levels(BookSide.ASK) || !close()) {
      return false;
    }
    if (combined && !close()) {
      return false;
    }
    if (at != end) {
      return false;
    }
    into.event = texts.text(EVENT, EVENT_NAME, EVENT_NAME_LENGTH);
    into.eventTime = eventTime;
    into.symbol = texts.text(buf, symbolStart, symbolLength);
    into.firstUpdateId = first;
    into.finalUpdateId = last;
    into.changes = scratch;
    return true;
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

  private boolean close() {
    if (at < end && buf[at] == '}') {
      at++;
      return true;
    }
    return false;
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

  /** A JSON integer without sign or leading zero, of at most 18 digits, into {@link #number}. */
  private boolean integer() {
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
      return false;
    }
    at = i;
    number = value;
    return true;
  }

  /** {@code [["p","q"],...]} of one side, added to {@link #scratch} as they come. */
  private boolean levels(BookSide side) {
    char[] b = buf;
    if (at + 1 >= end || b[at] != '[') {
      return false;
    }
    at++;
    if (b[at] == ']') {
      at++;
      return true;
    }
    while (true) {
      if (at >= end || b[at++] != '[') {
        return false;
      }
      BigDecimal price = decimal();
      if (price == null || at >= end || b[at++] != ',') {
        return false;
      }
      BigDecimal size = decimal();
      if (size == null || at + 1 >= end || b[at++] != ']') {
        return false;
      }
      if (price.signum() <= 0) {
        return false; // the full reader names the level
      }
      scratch.add(new LevelChange(side, price, size));
      char next = b[at++];
      if (next == ']') {
        return true;
      }
      if (next != ',') {
        return false;
      }
    }
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
