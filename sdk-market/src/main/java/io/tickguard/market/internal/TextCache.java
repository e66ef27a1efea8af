package io.tickguard.market.internal;

import java.util.Arrays;

/**
 * The short strings a stream repeats in every message (symbols, event types, sides), kept so that
 * reading one again returns the same instance instead of a new string: no allocation, and its hash
 * is computed once for the map lookups or {@code switch}es that follow. A small direct-mapped table
 * of fixed size: a value that collides replaces the older one, and a long value is never kept, so
 * hostile input cannot make it grow. A value's slot comes from its length and its first and last two
 * characters, and a hit is confirmed by comparing every character with the slot's copy (one array
 * comparison, no per-character hash). One instance per reader thread (not thread-safe).
 */
public final class TextCache {
  /** Values longer than this are returned as new strings and not kept. */
  static final int MAX_LENGTH = 32;
  private static final int SLOTS = 64;
  private static final char[] NONE = new char[0];

  private final String[] slots = new String[SLOTS];
  /** Each slot's characters, compared with the parser's buffer on a lookup. */
  private final char[][] slotChars = new char[SLOTS][];

  /** A cache with every slot empty. */
  public TextCache() {
    Arrays.fill(slotChars, NONE);
  }

  /** The text of {@code chars[offset, offset + length)}: a cached instance when one matches. */
  public String text(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int slot = slot(chars, offset, length);
    char[] known = slotChars[slot];
    if (known.length == length && Arrays.equals(known, 0, length, chars, offset, offset + length)) {
      String text = slots[slot];
      if (text != null) {
        return text;
      }
    }
    String text = new String(chars, offset, length);
    slots[slot] = text;
    slotChars[slot] = Arrays.copyOfRange(chars, offset, offset + length);
    return text;
  }

  private static int slot(char[] chars, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int last = offset + length - 1;
    int h = length * 31 + chars[offset];
    h = h * 31 + chars[last];
    if (length > 1) {
      h = h * 31 + chars[offset + 1];
      h = h * 31 + chars[last - 1];
    }
    h ^= h >>> 7;
    return (h ^ (h >>> 13)) & (SLOTS - 1);
  }
}
