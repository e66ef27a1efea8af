package io.tickguard.market.internal;

/**
 * The short strings a stream repeats in every message (symbols, event types, sides), kept so that
 * reading one again returns the same instance instead of a new string: no allocation, and its hash
 * is already computed for the map lookup or {@code switch} that follows. A small direct-mapped table
 * of fixed size: a value that collides replaces the older one, and a long value is never kept, so
 * hostile input cannot make it grow. One instance per reader thread (not thread-safe).
 */
public final class TextCache {
  /** Values longer than this are returned as new strings and not kept. */
  static final int MAX_LENGTH = 32;
  private static final int SLOTS = 64;

  private final String[] slots = new String[SLOTS];

  /** The text of {@code chars[offset, offset + length)}: a cached instance when one matches. */
  public String text(char[] chars, int offset, int length) {
    if (length > MAX_LENGTH) {
      return new String(chars, offset, length);
    }
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i]; // String.hashCode's formula
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String known = slots[slot];
    if (known != null && known.length() == length && known.hashCode() == hash && same(known, chars, offset)) {
      return known;
    }
    String text = new String(chars, offset, length);
    slots[slot] = text;
    return text;
  }

  private static boolean same(String known, char[] chars, int offset) {
    for (int i = 0; i < known.length(); i++) {
      if (known.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
