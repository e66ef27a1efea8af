package io.tickguard.core.auth.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between the DER form the JDK produces ({@code SEQUENCE {INTEGER r,
 * INTEGER s}}) and the fixed-size {@code R || S} form JOSE requires (RFC 7518 section 3.4).
 */
public final class EcdsaSignatures {
  private EcdsaSignatures() {}

  /** DER to {@code R || S}, each left-padded to {@code size} bytes (32 for P-256). */
  public static byte[] derToJose(byte[] der, int size) {
    int[] pos = {0};
    expect(der, pos, 0x30);
    int seqLength = length(der, pos);
    if (pos[0] + seqLength != der.length) {
      throw new IllegalArgumentException("Malformed DER ECDSA signature: bad sequence length");
    }
    byte[] r = integer(der, pos);
    byte[] s = integer(der, pos);
    byte[] out = new byte[2 * size];
    copyUnsigned(r, out, 0, size);
    copyUnsigned(s, out, size, size);
    return out;
  }

  /** {@code R || S} to DER. */
  public static byte[] joseToDer(byte[] jose) {
    if (jose.length == 0 || jose.length % 2 != 0) {
      throw new IllegalArgumentException("A JOSE ECDSA signature has an even, non-zero length");
    }
    int half = jose.length / 2;
    byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, half)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, half, jose.length)).toByteArray();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeTlv(body, 0x02, r);
    writeTlv(body, 0x02, s);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTlv(out, 0x30, body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] integer(byte[] der, int[] pos) {
    expect(der, pos, 0x02);
    int length = length(der, pos);
    if (length == 0 || pos[0] + length > der.length) {
      throw new IllegalArgumentException("Malformed DER ECDSA signature: bad integer");
    }
    byte[] value = Arrays.copyOfRange(der, pos[0], pos[0] + length);
    pos[0] += length;
    return value;
  }

  private static void copyUnsigned(byte[] value, byte[] out, int offset, int size) {
    int start = 0;
    while (start < value.length - 1 && value[start] == 0) {
      start++; // drop the sign byte and any leading zeros
    }
    int length = value.length - start;
    if (length > size) {
      throw new IllegalArgumentException("ECDSA integer longer than " + size + " bytes");
    }
    System.arraycopy(value, start, out, offset + size - length, length);
  }

  private static void expect(byte[] der, int[] pos, int tag) {
    if (pos[0] >= der.length || (der[pos[0]] & 0xff) != tag) {
      throw new IllegalArgumentException("Malformed DER ECDSA signature: expected tag " + tag);
    }
    pos[0]++;
  }

  private static int length(byte[] der, int[] pos) {
    if (pos[0] >= der.length) {
      throw new IllegalArgumentException("Malformed DER ECDSA signature: truncated");
    }
    int first = der[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int bytes = first & 0x7f;
    if (bytes != 1 || pos[0] >= der.length) {
      throw new IllegalArgumentException("Malformed DER ECDSA signature: unsupported length");
    }
    return der[pos[0]++] & 0xff;
  }

  private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
    out.write(tag);
    if (value.length < 0x80) {
      out.write(value.length);
    } else {
      out.write(0x81);
      out.write(value.length);
    }
    out.write(value, 0, value.length);
  }
}
