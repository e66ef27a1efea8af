package io.tickguard.market.internal;

import java.util.Objects;

/**
 * The member names a decoder reads in one kind of object (at most {@link #MAX}), numbered in the
 * order given, for {@link JsonStream#nextMember}: the reader tells the decoder which of them came
 * (an index to {@code switch} on instead of comparing strings) and refuses a repeat of one with a bit
 * per name instead of comparing it with every name seen before. Names outside the set are still
 * checked the general way. Immutable and shared: make one per object shape, as a constant.
 */
public final class KnownNames {
  /** The most names a set holds: one bit each in a {@code long}. */
  public static final int MAX = 64;

  private final String[] names;
  private final int[] hashes;
  /**
   * Per name, the instance the parser last handed out for it. The parser canonicalises member names
   * (one shared instance per name once its symbol table has it), so from the second message on a
   * name is found by identity, without comparing characters. Written without synchronisation by any
   * reader thread: strings are immutable, and a missing or outdated entry only costs the comparison.
   */
  private final String[] parsed;

  private KnownNames(String[] names) {
    this.names = names;
    this.hashes = new int[names.length];
    this.parsed = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      hashes[i] = names[i].hashCode();
    }
  }

  /**
   * The set of {@code names}, numbered from 0 in this order.
   *
   * @throws IllegalArgumentException when a name is repeated, or there are none or more than {@link #MAX}
   */
  public static KnownNames of(String... names) {
    String[] copy = names.clone();
    if (copy.length == 0 || copy.length > MAX) {
      throw new IllegalArgumentException("A name set holds 1 to " + MAX + " names, not " + copy.length);
    }
    for (int i = 0; i < copy.length; i++) {
      Objects.requireNonNull(copy[i], "names");
      for (int j = 0; j < i; j++) {
        if (copy[j].equals(copy[i])) {
          throw new IllegalArgumentException("Name '" + copy[i] + "' is given twice");
        }
      }
    }
    return new KnownNames(copy);
  }

  /** The number of names. */
  public int size() {
    return names.length;
  }

  /** The name numbered {@code index}. */
  public String name(int index) {
    return names[index];
  }

  /** The number of {@code name}, or -1 when it is not in the set. */
  public int indexOf(String name) {
    String[] known = parsed;
    for (int i = 0; i < known.length; i++) {
      if (known[i] == name) {
        return i;
      }
    }
    int hash = name.hashCode(); // cached in the parser's canonical name strings
    for (int i = 0; i < names.length; i++) {
      if (hashes[i] == hash && names[i].equals(name)) {
        known[i] = name;
        return i;
      }
    }
    return -1;
  }
}
