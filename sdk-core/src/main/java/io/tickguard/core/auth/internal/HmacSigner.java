package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC signer: a canonical message built from the input, a Mac over it, an output encoding.
 *
 * <p>Mac reuse: one {@link Mac} per key is initialised once (the key decoded once) and kept as a
 * prototype that is never used directly; signatures borrow a ready copy from the key's {@link
 * MacSlots} (a clone made once per slot, then reused) instead of cloning per signature. The copies
 * belong to the credentials' cache entry, so a rotation drops them all; a {@code ThreadLocal<Mac>}
 * was rejected because it would leave a keyed copy in every pool thread, beyond a rotation's reach.
 *
 * <p>The canonical message is built once per signature: its bytes are signed and its text is what
 * {@link SignedPayload} reports ({@link Canonicalizer#canonical}).
 */
public final class HmacSigner implements RequestSigner {

  /** The canonical message to sign, as bytes, and its printable form for error reports. */
  public interface Canonicalizer {
    /** The bytes to MAC. */
    byte[] bytes(SigningInput input);

    /** What {@link SignedPayload#canonical()} reports. */
    String describe(SigningInput input);

    /**
     * The bytes and their description together; a text canonicalizer overrides it to build the text
     * once and report exactly what it signed.
     */
    default Canonical canonical(SigningInput input) {
      return new Canonical(bytes(input), describe(input));
    }
  }

  /**
   * One signature's message.
   *
   * @param bytes what is MACed
   * @param text what {@link SignedPayload#canonical()} reports
   */
  public record Canonical(byte[] bytes, String text) {}

  private final String algorithmName;
  private final String macAlgorithm;
  private final Function<byte[], byte[]> keyDecoder;
  private final Canonicalizer canonicalizer;
  private final Function<byte[], String> encoder;
  private final PerCredentials<MacSlots> macs;

  /**
   * @param algorithmName name reported in {@link SignedPayload}, such as {@code HMAC-SHA256}
   * @param macAlgorithm JCA name, such as {@code HmacSHA256}
   * @param keyDecoder turns the secret's bytes into key bytes (identity, base64 decoding, ...)
   */
  public HmacSigner(
      String algorithmName,
      String macAlgorithm,
      Function<byte[], byte[]> keyDecoder,
      Canonicalizer canonicalizer,
      Function<byte[], String> encoder) {
    this.algorithmName = algorithmName;
    this.macAlgorithm = macAlgorithm;
    this.keyDecoder = keyDecoder;
    this.canonicalizer = canonicalizer;
    this.encoder = encoder;
    this.macs = new PerCredentials<>(c -> new MacSlots(prototype(c), () -> prototype(c)));
  }

  @Override
  public RequestSignature sign(SigningInput input, ApiCredentials credentials) {
    Secret secret = secretOf(credentials);
    if (secret.isDestroyed()) {
      throw new IllegalStateException("The credentials' secret was destroyed; sign with the current credentials");
    }
    Canonical message = canonicalizer.canonical(input);
    MacSlots slots = macs.get(credentials);
    Mac mac = slots.borrow();
    byte[] digest = mac.doFinal(message.bytes()); // doFinal resets the Mac: it can be reused as is
    slots.giveBack(mac);
    return new RequestSignature(encoder.apply(digest), new SignedPayload(algorithmName, message.text()));
  }

  /** Decodes the key and initialises its Mac now, once: {@link #sign} reuses it. */
  @Override
  public void prepare(ApiCredentials credentials) {
    macs.get(credentials);
  }

  private Mac prototype(ApiCredentials credentials) {
    byte[] raw = secretOf(credentials).bytes();
    byte[] key = null;
    try {
      key = keyDecoder.apply(raw); // a secret that does not decode is refused, typed, by the decoder
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(key, macAlgorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " is not available in this JDK", e);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static Secret secretOf(ApiCredentials credentials) {
    if (credentials.keyType() != KeyType.HMAC || credentials.secret().isEmpty()) {
      throw new IllegalArgumentException(
          "An HMAC signer needs HMAC credentials (ApiCredentials.hmac), not " + credentials.keyType());
    }
    return credentials.secret().get();
  }
}
