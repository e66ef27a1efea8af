package io.tickguard.examples.cli;

import java.math.BigDecimal;
import java.util.Optional;

/** Makes strings from a server safe for a terminal and decimals readable. */
final class Text {
  private Text() {}

  /**
   * {@code text} without control characters (C0, DEL, C1: so no escape sequence reaches the
   * terminal) and without the bidirectional overrides that can make text read other than it is.
   */
  static String clean(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints().filter(c -> !unsafe(c)).forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  /** The exact value without trailing zeros, never in exponent notation. */
  static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** {@link #plain(BigDecimal)}, or {@code -} when absent. */
  static String plain(Optional<BigDecimal> value) {
    return value.map(Text::plain).orElse("-");
  }
}
