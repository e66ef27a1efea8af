package io.tickguard.core.auth;

import io.tickguard.core.ConfigurationException;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.pem.PemFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.security.auth.Destroyable;

/**
 * A secret value (API secret, PEM private key, token, password) held as bytes that can be wiped.
 *
 * <p>Why not a {@code String}: strings are immutable, interned by some libraries, copied by logging
 * and cannot be cleared, so a secret kept in one lives until the garbage collector decides. A
 * {@code Secret} keeps its bytes in one array it owns; {@link #destroy()} overwrites them and every
 * later use fails with an {@link IllegalStateException} that says so.
 *
 * <p>{@link #toString()} never shows the content. {@link #equals} is <em>identity</em>: two secrets
 * are equal only when they are the same object, so that a {@code Secret} in a map, a set or an
 * assertion message cannot leak its content through timing or through equality. Compare contents
 * explicitly with {@link #contentEquals(Secret)}, which runs in constant time.
 *
 * <p>Accessors hand out copies; callers that copy should clear their copy when done
 * ({@link Arrays#fill(byte[], byte)}). A {@code Secret} is thread-safe.
 */
public final class Secret implements Destroyable {
  private static final Set<PosixFilePermission> NOT_OWNER =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private final byte[] value;
  private volatile boolean destroyed;

  private Secret(byte[] value) {
    this.value = value;
  }

  /** A secret holding a copy of {@code bytes}; the caller should clear its array. */
  public static Secret ofBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new Secret(bytes.clone());
  }

  /**
   * A secret holding the UTF-8 encoding of {@code chars} (a password read from a console, say); the
   * caller should clear its array.
   */
  public static Secret of(char[] chars) {
    Objects.requireNonNull(chars, "chars");
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return new Secret(bytes);
  }

  /**
   * Reads environment variable {@code name}.
   *
   * @throws ConfigurationException naming the variable (never its value) when it is unset or empty
   */
  public static Secret fromEnv(String name) {
    return fromEnv(name, System.getenv());
  }

  /** Reads variable {@code name} from {@code environment}; the seam tests use. */
  public static Secret fromEnv(String name, Map<String, String> environment) {
    String value = environment.get(Objects.requireNonNull(name, "name"));
    if (value == null || value.isEmpty()) {
      throw new ConfigurationException(name,
          "Environment variable " + name + " is not set or empty; export it before starting");
    }
    // The environment already holds it as a String; we only avoid making more copies of it.
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a secret file, without its trailing line break. On POSIX file systems the file must be
   * readable by its owner only: a secret that other users can read is already leaked.
   *
   * @throws ConfigurationException naming the file (never its content) when it is missing,
   *     unreadable, empty, or readable by group or others
   */
  public static Secret fromFile(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null) {
        Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
        permissions.retainAll(NOT_OWNER);
        if (!permissions.isEmpty()) {
          throw new ConfigurationException(file.toString(),
              "Refusing secret file " + file + ": it is accessible by group or others "
                  + permissions + "; run: chmod 600 " + file);
        }
      }
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      byte[] trimmed = Arrays.copyOf(bytes, end);
      Arrays.fill(bytes, (byte) 0);
      if (trimmed.length == 0) {
        throw new ConfigurationException(file.toString(), "Secret file " + file + " is empty");
      }
      return new Secret(trimmed);
    } catch (IOException e) {
      throw new ConfigurationException(file.toString(),
          "Cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Reads entry {@code alias} of a PKCS#12 key store. A secret-key entry (such as one made with
   * {@code keytool -importpass}) gives its raw bytes; a private-key entry gives the key as a PKCS#8
   * PEM document, ready for {@link ApiCredentials#ed25519} and friends.
   *
   * @param in the store; not closed
   * @param storePassword the store's password; the caller should clear it
   * @param alias the entry
   * @param keyPassword the entry's password, often the store's; the caller should clear it
   */
  public static Secret fromKeyStore(InputStream in, char[] storePassword, String alias, char[] keyPassword) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, storePassword);
      Key key = store.getKey(alias, keyPassword);
      if (key == null) {
        throw new PemFormatException("The key store has no key entry '" + alias + "'");
      }
      byte[] encoded = key.getEncoded();
      if (key instanceof PrivateKey) {
        // PKCS#8 DER, stored as PEM so every private-key Secret reads the same way (Pem.privateKey).
        byte[] pem = Pem.encode("PRIVATE KEY", encoded);
        Arrays.fill(encoded, (byte) 0);
        return new Secret(pem);
      }
      if (key instanceof SecretKey && encoded != null) {
        return new Secret(encoded);
      }
      throw new PemFormatException("Key store entry '" + alias + "' is neither a secret nor a private key");
    } catch (IOException e) {
      throw new PemFormatException("Cannot read the PKCS#12 key store: wrong password or not PKCS#12", e);
    } catch (GeneralSecurityException e) {
      throw new PemFormatException("Cannot read the PKCS#12 key store: " + e.getClass().getSimpleName(), e);
    }
  }

  /** A copy of the secret's bytes; clear it after use. */
  public byte[] bytes() {
    byte[] copy = value.clone();
    checkNotDestroyed(); // checked after the copy too, so a concurrent destroy never leaks zeros
    return copy;
  }

  /** A copy of the secret decoded as UTF-8 characters; clear it after use. */
  public char[] chars() {
    byte[] copy = bytes();
    try {
      CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(copy));
      char[] chars = new char[decoded.remaining()];
      decoded.get(chars);
      Arrays.fill(decoded.array(), '\0');
      return chars;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("The secret is not UTF-8 text", e);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** Applies {@code use} to a temporary copy of the bytes, which is cleared afterwards. */
  public <T> T withBytes(Function<byte[], T> use) {
    byte[] copy = bytes();
    try {
      return use.apply(copy);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** The secret's length in bytes. */
  public int length() {
    checkNotDestroyed();
    return value.length;
  }

  /** Whether {@code other} holds the same bytes, compared in constant time. */
  public boolean contentEquals(Secret other) {
    byte[] mine = bytes();
    byte[] theirs = other.bytes();
    try {
      return MessageDigest.isEqual(mine, theirs);
    } finally {
      Arrays.fill(mine, (byte) 0);
      Arrays.fill(theirs, (byte) 0);
    }
  }

  /** Overwrites the bytes; every later use throws {@link IllegalStateException}. Idempotent. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(value, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException(
          "This Secret was destroyed (destroy() was called, e.g. after a key rotation); load the"
              + " secret again or use the credentials that replaced it");
    }
  }

  /** Identity: see the class comment. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** Never the content. */
  @Override
  public String toString() {
    return destroyed ? "Secret[destroyed]" : "Secret[redacted]";
  }
}
