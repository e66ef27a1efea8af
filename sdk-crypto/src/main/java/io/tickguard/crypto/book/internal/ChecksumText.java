package io.tickguard.crypto.book.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The ASCII text a book checksum is computed over, built in one reusable byte buffer and hashed with
 * the IEEE CRC-32 every provider uses. One instance per computation; not thread-safe.
 */
public final class ChecksumText {
  private byte[] buf = new byte[512];
  private int len;

  /** Appends {@code value} exactly as {@link BigDecimal#toPlainString()} writes it (OKX). */
  public ChecksumText plain(BigDecimal value) {
    return ascii(value.toPlainString());
  }

  /**
   * Appends {@code value} written with exactly {@code decimals} decimals, then without its decimal
   * point and leading zeros (Kraken: {@code 0.05000} with 5 decimals becomes {@code 5000}).
   *
   * @throws ArithmeticException when {@code value} has more decimals than {@code decimals} allows
   */
  public ChecksumText krakenDigits(BigDecimal value, int decimals) {
    String text = value.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
    boolean leading = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || (leading && c == '0')) {
        continue;
      }
      leading = false;
      put((byte) c);
    }
    return this;
  }

  /** Appends one separator character. */
  public ChecksumText separator(char c) {
    put((byte) c);
    return this;
  }

  /** The text so far (for diagnostics and tests). */
  public String text() {
    return new String(buf, 0, len, StandardCharsets.US_ASCII);
  }

  /** The unsigned CRC-32 of the text so far. */
  public long crc32() {
    CRC32 crc = new CRC32();
    crc.update(buf, 0, len);
    return crc.getValue();
  }

  private ChecksumText ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put((byte) s.charAt(i));
    }
    return this;
  }

  private void put(byte b) {
    if (len == buf.length) {
      buf = Arrays.copyOf(buf, len * 2);
    }
    buf[len++] = b;
  }
}
