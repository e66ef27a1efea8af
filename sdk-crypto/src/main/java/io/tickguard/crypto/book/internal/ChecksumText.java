package io.tickguard.crypto.book.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The ASCII text a book checksum is computed over, built in one reusable byte buffer and hashed with
 * the IEEE CRC-32 every provider uses. One instance per computation, or reused with {@link #reset()}
 * by one thread; not thread-safe.
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
    BigDecimal v = value.scale() > decimals ? value.setScale(decimals, RoundingMode.UNNECESSARY) : value;
    if (v.signum() > 0 && v.precision() <= 18) {
      // The digits of the unscaled value, then zeros up to the precision: the same characters as the
      // formatted text below, without building it (Kraken hashes 40 values per book message).
      long unscaled = v.scaleByPowerOfTen(v.scale()).longValueExact();
      digits(unscaled);
      for (int pad = decimals - v.scale(); pad > 0; pad--) {
        put((byte) '0');
      }
      return this;
    }
    if (v.signum() == 0) {
      return this; // every digit is a leading zero
    }
    String text = v.setScale(decimals, RoundingMode.UNNECESSARY).toPlainString(); // negative or over 18 digits
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

  /** Appends the decimal digits of {@code n > 0}, most significant first. */
  private void digits(long n) {
    int count = 1;
    for (long bound = 10; count < 19 && n >= bound; bound *= 10) {
      count++;
    }
    if (len + count > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + count));
    }
    int i = len + count;
    while (n > Integer.MAX_VALUE) {
      long q = n / 100;
      i = pair(i, (int) (n - q * 100));
      n = q;
    }
    int m = (int) n; // int division: most prices and sizes end here
    while (m >= 100) {
      int q = m / 100;
      i = pair(i, m - q * 100);
      m = q;
    }
    if (m >= 10) {
      pair(i, m);
    } else {
      buf[i - 1] = (byte) ('0' + m);
    }
    len += count;
  }

  /** Writes the two digits of {@code r < 100} just before {@code i}; returns the new position. */
  private int pair(int i, int r) {
    buf[i - 1] = (byte) ('0' + r % 10);
    buf[i - 2] = (byte) ('0' + r / 10);
    return i - 2;
  }

  /** Appends one separator character. */
  public ChecksumText separator(char c) {
    put((byte) c);
    return this;
  }

  /** The number of characters so far. */
  public int length() {
    return len;
  }

  /** Empties the text, keeping its buffer (one instance reused per book). */
  public ChecksumText reset() {
    len = 0;
    return this;
  }

  /** Appends characters {@code [start, start + length)} of {@code from} (digits rendered before). */
  public ChecksumText copy(ChecksumText from, int start, int length) {
    if (len + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + length));
    }
    System.arraycopy(from.buf, start, buf, len, length);
    len += length;
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
