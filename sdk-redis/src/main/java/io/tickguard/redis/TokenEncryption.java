package io.tickguard.redis;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts tokens at rest in Redis with AES-GCM under keys the user supplies. Each stored value
 * reads {@code v1:<key id>:<base64 of nonce + ciphertext + tag>}: the key id beside the ciphertext
 * lets keys rotate. New values are always written under the {@linkplain Builder#currentKey current
 * key}; values under a {@linkplain Builder#previousKey previous key} stay readable until {@link
 * RedisTokenSession#reencrypt()} (or the next refresh) rewrites them. The Redis key and field are
 * authenticated as associated data, so a ciphertext moved to another session or field is refused.
 *
 * <pre>{@code
 * TokenEncryption keys = TokenEncryption.builder()
 *     .currentKey("2026-11", Secret.fromEnv("TOKEN_KEY_2026_11"))   // 16, 24 or 32 bytes
 *     .previousKey("2026-05", Secret.fromEnv("TOKEN_KEY_2026_05"))
 *     .build();
 * }</pre>
 */
public final class TokenEncryption {
  private static final String FORMAT = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  private TokenEncryption(Builder b) {
    this.currentId = b.currentId;
    this.keys = Map.copyOf(b.keys);
  }

  /** Starts a key ring. */
  public static Builder builder() {
    return new Builder();
  }

  /** The id new values are written under. */
  public String currentKeyId() {
    return currentId;
  }

  /** Encrypts {@code plaintext} under the current key, bound to {@code context} (key and field). */
  String encrypt(String context, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return FORMAT + ":" + currentId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JVM", e);
    }
  }

  /** The key id {@code stored} was written under, or empty text when it is not in this format. */
  static String keyIdOf(String stored) {
    String[] parts = stored.split(":", 3);
    return parts.length == 3 && parts[0].equals(FORMAT) ? parts[1] : "";
  }

  /**
   * Decrypts {@code stored}.
   *
   * @throws AuthenticationException when the key id is unknown, or the value fails authentication
   *     (wrong key for that id, tampering, or a value moved from another key or field)
   */
  byte[] decrypt(String context, String stored) {
    String[] parts = stored.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(FORMAT)) {
      throw new AuthenticationException("The token stored in Redis at " + context
          + " is not a TickGuard v1 ciphertext; it was written by something else: clear the session and log in again");
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new AuthenticationException("The token stored in Redis at " + context + " is encrypted under key id '"
          + parts[1] + "', which this process does not have; add it with TokenEncryption.Builder.previousKey");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AuthenticationException("The token stored in Redis at " + context + " is truncated or not base64");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new AuthenticationException("The token stored in Redis at " + context + " fails authentication under key id '"
          + parts[1] + "': the key for that id is wrong, or the value was altered or moved");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "TokenEncryption{current=" + currentId + ", keys=" + keys.keySet() + "}";
  }

  /** Builds a {@link TokenEncryption}: one current key, any number of previous ones. */
  public static final class Builder {
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private String currentId;

    private Builder() {}

    /** The key new values are written under; {@code key} is 16, 24 or 32 raw bytes (AES-128/192/256). */
    public Builder currentKey(String keyId, Secret key) {
      add(keyId, key);
      this.currentId = keyId;
      return this;
    }

    /** A key old values may still be under; kept for reading until every value is rewritten. */
    public Builder previousKey(String keyId, Secret key) {
      add(keyId, key);
      return this;
    }

    /** Builds the key ring; a current key is required. */
    public TokenEncryption build() {
      if (currentId == null) {
        throw new InvalidRequestException("currentKey", "currentKey: give the key new tokens are encrypted under");
      }
      return new TokenEncryption(this);
    }

    private void add(String keyId, Secret key) {
      if (keyId == null || !keyId.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new InvalidRequestException("keyId", "keyId: 1-64 of [A-Za-z0-9_.-], such as '2026-11'");
      }
      Objects.requireNonNull(key, "key");
      byte[] bytes = key.bytes();
      try {
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
          throw new InvalidRequestException("key", "key " + keyId + ": AES needs 16, 24 or 32 raw bytes, got "
              + bytes.length + "; generate one with 'openssl rand 32'");
        }
        if (keys.putIfAbsent(keyId, new SecretKeySpec(bytes, "AES")) != null) {
          throw new InvalidRequestException("keyId", "keyId: '" + keyId + "' given twice");
        }
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }
}
