package io.tickguard.crypto.coinbase;

import io.tickguard.core.ConfigurationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Coinbase's key kinds as {@link ApiCredentials}, for {@link CoinbaseClient.Builder#credentials(ApiCredentials)}.
 * CDP keys come in two kinds, chosen when the key is created in the CDP portal: ECDSA ({@link #cdp},
 * ES256 JWTs) and Ed25519 ({@link #cdpEd25519}, EdDSA JWTs); the client signs each with its own
 * algorithm.
 */
public final class CoinbaseKeys {
  /** The DER prefix of a PKCS#8 Ed25519 private key (RFC 8410), followed by the 32-byte seed. */
  private static final byte[] PKCS8_ED25519 = HexFormat.of().parseHex("302e020100300506032b657004220420");
  /** The DER prefix of an X.509 Ed25519 public key (RFC 8410), followed by the 32-byte key. */
  private static final byte[] X509_ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");

  private CoinbaseKeys() {}

  /**
   * A CDP API key: {@code keyName} is its {@code organizations/.../apiKeys/...} name, {@code
   * ecPrivateKeyPem} its EC P-256 private key (SEC1 {@code BEGIN EC PRIVATE KEY} or PKCS#8 PEM),
   * parsed once here. Requests then carry a fresh two-minute ES256 JWT as a bearer token.
   */
  public static ApiCredentials cdp(String keyName, Secret ecPrivateKeyPem) {
    return ApiCredentials.ecP256(requireName(keyName), Objects.requireNonNull(ecPrivateKeyPem, "ecPrivateKeyPem"));
  }

  /**
   * An Ed25519 CDP API key: {@code keyName} is its id or {@code organizations/.../apiKeys/...} name,
   * {@code secret} the key secret exactly as the CDP portal shows it: base64 of 64 bytes, the
   * 32-byte private seed followed by the 32-byte public key. Parsed once here; the public half must
   * match the seed. Requests then carry a fresh two-minute EdDSA JWT as a bearer token. (An Ed25519
   * key already held as a PKCS#8 PEM is {@code ApiCredentials.ed25519(keyName, pem)}.)
   *
   * @throws ConfigurationException on {@code secret} when it is not such a key
   */
  public static ApiCredentials cdpEd25519(String keyName, Secret secret) {
    requireName(keyName);
    byte[] raw = Objects.requireNonNull(secret, "secret").withBytes(CoinbaseKeys::decode);
    byte[] pkcs8 = new byte[PKCS8_ED25519.length + 32];
    byte[] pem = null;
    try {
      System.arraycopy(PKCS8_ED25519, 0, pkcs8, 0, PKCS8_ED25519.length);
      System.arraycopy(raw, 0, pkcs8, PKCS8_ED25519.length, 32);
      requireMatchingHalves(pkcs8, Arrays.copyOfRange(raw, 32, 64));
      pem = Pem.encode("PRIVATE KEY", pkcs8);
      return ApiCredentials.ed25519(keyName, Secret.ofBytes(pem));
    } finally {
      Arrays.fill(raw, (byte) 0);
      Arrays.fill(pkcs8, (byte) 0);
      if (pem != null) {
        Arrays.fill(pem, (byte) 0);
      }
    }
  }

  private static String requireName(String keyName) {
    Objects.requireNonNull(keyName, "keyName");
    if (keyName.isBlank()) {
      throw new InvalidRequestException("keyName", "The CDP key name is blank; pass organizations/.../apiKeys/...");
    }
    return keyName;
  }

  private static byte[] decode(byte[] base64) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(new String(base64, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("secret", "The Ed25519 CDP key secret is not base64; copy it exactly as the"
          + " CDP portal shows it (an EC key is a PEM: use CoinbaseKeys.cdp)");
    }
    if (raw.length != 64) {
      Arrays.fill(raw, (byte) 0);
      throw new ConfigurationException("secret", "An Ed25519 CDP key secret is 64 bytes (seed and public key), this"
          + " one is " + raw.length + "; copy it exactly as the CDP portal shows it");
    }
    return raw;
  }

  /** Signs a probe with the seed and verifies it with the public half: a mangled secret fails here, not at Coinbase. */
  private static void requireMatchingHalves(byte[] pkcs8, byte[] publicKey) {
    byte[] x509 = Arrays.copyOf(X509_ED25519, X509_ED25519.length + 32);
    System.arraycopy(publicKey, 0, x509, X509_ED25519.length, 32);
    boolean matches;
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(x509));
      byte[] probe = "tickguard-cdp-key-check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(priv);
      signer.update(probe);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(pub);
      verifier.update(probe);
      matches = verifier.verify(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException("secret", "The Ed25519 CDP key secret is not a valid Ed25519 key ("
          + e.getClass().getSimpleName() + ")");
    }
    if (!matches) {
      throw new ConfigurationException("secret", "The Ed25519 CDP key secret's public half does not match its private"
          + " seed; copy the secret exactly as the CDP portal shows it");
    }
  }
}
