package io.tickguard.core.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A token's id for usage counts and metrics: {@code token:sha256:} and the first 12 hex digits of the
 * SHA-256 of the token. Enough to tell tokens apart in a report, useless to replay.
 */
public final class TokenIds {
  private TokenIds() {}

  /** The id of {@code token}. */
  public static String of(char[] token) {
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(token));
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return "token:sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }
}
