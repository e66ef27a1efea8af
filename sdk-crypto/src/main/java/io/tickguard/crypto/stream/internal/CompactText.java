package io.tickguard.crypto.stream.internal;

import io.tickguard.market.internal.TextCache;
import java.math.BigDecimal;

/**
 * The cursor the stream fast paths ({@code CompactDepthUpdate} for Binance, {@code CompactLevel2} for
 * Coinbase, {@code CompactBook} for Kraken) read a message's characters with: only the narrow pieces
 * of JSON those layouts use (fixed member text, plain ASCII strings, short integers, short plain
 * decimals as strings or as JSON numbers). Each step either
 * moves past what it read or answers "not this" and leaves the position alone; the caller then
 * declines the whole message and the full strict reader decides. It never refuses anything itself.
 *
 * <p>One instance per message reader, reused on the feed's reader thread (not thread-safe). The
 * copied characters live in a buffer that grows up to {@link #MAX_CHARS}; longer messages are not
 * loaded (the full reader takes them).
 */
public final class CompactText {
  /** Longer messages are not loaded, so the reused buffer stays bounded. */
  public static final int MAX_CHARS = 1 << 16;
  /** Digits that always fit a {@code long}; longer numbers are "not this". */
  private static final int MAX_DIGITS = 18;
  /** The longest string read (the full reader takes up to 1 MiB). */
  private static final int MAX_TEXT = 128;

  private char[] buf;
  private int end;
  private int at;

  /** A cursor whose buffer starts at {@code initialChars} characters. */
  public CompactText(int initialChars) {
    this.buf = new char[initialChars];
  }

  /** Copies {@code text} in and starts at its first character; {@code false} when it is longer than {@link #MAX_CHARS}. */
  public boolean load(String text) {
    int n = text.length();
    if (n > MAX_CHARS) {
      return false;
    }
    if (buf.length < n) {
      buf = new char[Math.min(MAX_CHARS, Math.max(n, buf.length * 2))];
    }
    text.getChars(0, n, buf, 0);
    end = n;
    at = 0;
    return true;
  }

  /** The loaded characters {@code [start, start + length)} as {@code cache}'s string for them. */
  public String text(TextCache cache, int start, int length) {
    return cache.text(buf, start, length);
  }

  /** The loaded characters {@code [start, start + length)} as a new string (values not worth caching). */
  public String string(int start, int length) {
    return new String(buf, start, length);
  }

  /** The position of the next character to read. */
  public int position() {
    return at;
  }

  /** Whether every loaded character has been read. */
  public boolean atEnd() {
    return at == end;
  }

  /** Steps over {@code expected} when the text continues with it. */
  public boolean skip(char[] expected) {
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

  /** Steps over {@code c} when it is the next character. */
  public boolean skip(char c) {
    if (at < end && buf[at] == c) {
      at++;
      return true;
    }
    return false;
  }

  /** {@link #afterElement()}'s answer: a ',' was stepped over, another element follows. */
  public static final int MORE = 1;
  /** {@link #afterElement()}'s answer: the array's ']' was stepped over. */
  public static final int END = 0;
  /** {@link #afterElement()}'s answer: neither; the layout ends here ("not this"). */
  public static final int NEITHER = -1;

  /** Steps over what follows an array element: {@link #MORE}, {@link #END} or {@link #NEITHER}. */
  public int afterElement() {
    char c = next();
    return c == ',' ? MORE : c == ']' ? END : NEITHER;
  }

  /** The next character, stepped over, or {@code 0} at the end. */
  public char next() {
    return at < end ? buf[at++] : 0;
  }

  /**
   * The rest of a string whose opening quote is read: printable ASCII without quote or backslash up
   * to the closing quote, which is stepped over; its length, or -1.
   */
  public int plainText() {
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
  public long integer() {
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
   * A quoted string of digits with at most one inner '.' and at most 18 digits, as {@code
   * BigDecimal.valueOf(unscaled, scale)} (what {@code Decimals.parseOrNull} makes of it); else null.
   */
  public BigDecimal decimal() {
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

  /**
   * A JSON number in plain decimal notation ({@code 0.10000000}, {@code 45283}): digits without sign
   * or leading zero, at most one inner '.' followed by digits, no exponent, at most 18 digits in all,
   * as {@code BigDecimal.valueOf(unscaled, scale)} (what {@code Decimals.parseOrNull} makes of the
   * number's text: the same value and the same scale); else null. What follows the number is the
   * caller's to check (an exponent or a sign there is "not this" for the layout).
   */
  public BigDecimal number() {
    char[] b = buf;
    int start = at;
    long unscaled = 0;
    int i = start;
    for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
      unscaled = unscaled * 10 + (b[i] - '0');
    }
    int whole = i - start;
    if (whole == 0 || (whole > 1 && b[start] == '0') || whole > MAX_DIGITS) {
      return null;
    }
    int scale = 0;
    if (i < end && b[i] == '.') {
      int fraction = ++i;
      for (; i < end && b[i] >= '0' && b[i] <= '9' && i - fraction < MAX_DIGITS; i++) {
        unscaled = unscaled * 10 + (b[i] - '0');
      }
      scale = i - fraction;
      if (scale == 0 || whole + scale > MAX_DIGITS || (i < end && b[i] >= '0' && b[i] <= '9')) {
        return null;
      }
    }
    at = i;
    return BigDecimal.valueOf(unscaled, scale);
  }
}
