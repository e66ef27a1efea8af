package io.tickguard.crypto.book;

/**
 * A change to a {@link LocalOrderBook}, applied atomically: it returns {@code true} when every
 * provider check it makes (sequence, checksum) holds, and the book stays readable; {@code false} or
 * an exception leaves the book invalid until it is reset.
 */
@FunctionalInterface
public interface BookEdit {

  /** Applies the change through {@code editor}; {@code true} when the result verified. */
  boolean apply(BookEditor editor);
}
