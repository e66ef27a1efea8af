package io.tickguard.core.auth;

import io.tickguard.core.ConfigurationException;
import io.tickguard.core.pem.Pem;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECParameterSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One API key: its id, the secret or private key that signs with it, and the {@link Scope}s the
 * caller allows it to use.
 *
 * <p>Scopes are least privilege by default: {@link Scope#MARKET_DATA} and {@link
 * Scope#ACCOUNT_READ}. Trading or withdrawing must be asked for explicitly with {@link
 * #withScopes}, so that a bot that only reads cannot place an order through TickGuard even if the
 * provider would accept the key for it.
 *
 * <p>Private keys are parsed once, here, never per request. The API key id is not secret-grade (it
 * travels in a header) but identifies the account, so {@link #toString()} shows only its first four
 * characters. Instances are immutable and thread-safe.
 */
public final class ApiCredentials {
  private static final Set<Scope> DEFAULT_SCOPES =
      Collections.unmodifiableSet(EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ));

  private final String apiKey;
  private final KeyType keyType;
  private final Secret secret;
  private final PrivateKey privateKey;
  private final Secret passphrase;
  private final Set<Scope> scopes;

  private ApiCredentials(
      String apiKey, KeyType keyType, Secret secret, PrivateKey privateKey, Secret passphrase, Set<Scope> scopes) {
    this.apiKey = requireKeyId(apiKey);
    this.keyType = keyType;
    this.secret = secret;
    this.privateKey = privateKey;
    this.passphrase = passphrase;
    this.scopes = scopes;
  }

  /** An HMAC key: {@code secret} is the provider's secret exactly as issued (hex, base64 or text). */
  public static ApiCredentials hmac(String apiKey, Secret secret) {
    return new ApiCredentials(apiKey, KeyType.HMAC, Objects.requireNonNull(secret, "secret"), null, null, DEFAULT_SCOPES);
  }

  /** An Ed25519 key; {@code pemKey} is its PKCS#8 PEM document, optionally encrypted with {@code password}. */
  public static ApiCredentials ed25519(String apiKey, Secret pemKey) {
    return ed25519(apiKey, pemKey, null);
  }

  /** An Ed25519 key whose PEM is encrypted with {@code password} (cleared by the caller). */
  public static ApiCredentials ed25519(String apiKey, Secret pemKey, char[] password) {
    PrivateKey key = parse(pemKey, password);
    if (!(key instanceof EdECPrivateKey) || !"Ed25519".equalsIgnoreCase(((EdECPrivateKey) key).getParams().getName())) {
      throw new ConfigurationException("pemKey", "The PEM key is " + key.getAlgorithm() + ", not Ed25519");
    }
    return new ApiCredentials(apiKey, KeyType.ED25519, pemKey, key, null, DEFAULT_SCOPES);
  }

  /** An RSA key (PKCS#8 or PKCS#1 PEM). */
  public static ApiCredentials rsa(String apiKey, Secret pemKey) {
    return rsa(apiKey, pemKey, null);
  }

  /** An RSA key whose PEM is encrypted with {@code password} (cleared by the caller). */
  public static ApiCredentials rsa(String apiKey, Secret pemKey, char[] password) {
    PrivateKey key = parse(pemKey, password);
    if (!(key instanceof RSAPrivateKey rsa)) {
      throw new ConfigurationException("pemKey", "The PEM key is " + key.getAlgorithm() + ", not RSA");
    }
    if (rsa.getModulus().bitLength() < 2048) {
      throw new ConfigurationException("pemKey", "RSA keys shorter than 2048 bits are refused; create a 2048-bit or larger key");
    }
    return new ApiCredentials(apiKey, KeyType.RSA, pemKey, key, null, DEFAULT_SCOPES);
  }

  /**
   * An EC P-256 key for ES256 JWTs (Coinbase CDP keys: {@code keyName} is the
   * {@code organizations/.../apiKeys/...} name, {@code pemKey} the SEC1 or PKCS#8 private key).
   */
  public static ApiCredentials ecP256(String keyName, Secret pemKey) {
    PrivateKey key = parse(pemKey, null);
    if (!(key instanceof ECPrivateKey ec) || !isP256(ec.getParams())) {
      throw new ConfigurationException("pemKey", "The PEM key is " + key.getAlgorithm() + ", not EC P-256");
    }
    return new ApiCredentials(keyName, KeyType.EC_P256, pemKey, key, null, DEFAULT_SCOPES);
  }

  /** Credentials from an already loaded private key (kept by reference). */
  public static ApiCredentials ofPrivateKey(String apiKey, KeyType type, PrivateKey key) {
    Objects.requireNonNull(key, "key");
    if (type == KeyType.HMAC || type == KeyType.NONE) {
      throw new IllegalArgumentException(type + " credentials have no private key");
    }
    return new ApiCredentials(apiKey, type, null, key, null, DEFAULT_SCOPES);
  }

  /** Only an API key, for endpoints that need the key but no signature. */
  public static ApiCredentials apiKeyOnly(String apiKey) {
    return new ApiCredentials(apiKey, KeyType.NONE, null, null, null, DEFAULT_SCOPES);
  }

  /**
   * A copy allowed exactly {@code scopes}, plus {@link Scope#MARKET_DATA} which every key may use
   * (public data needs no privilege).
   */
  public ApiCredentials withScopes(Scope first, Scope... more) {
    EnumSet<Scope> set = EnumSet.of(first, more);
    set.add(Scope.MARKET_DATA);
    return new ApiCredentials(apiKey, keyType, secret, privateKey, passphrase, Collections.unmodifiableSet(set));
  }

  /** A copy with the passphrase some providers require next to the key (Coinbase Exchange, OKX). */
  public ApiCredentials withPassphrase(Secret passphrase) {
    return new ApiCredentials(apiKey, keyType, secret, privateKey, Objects.requireNonNull(passphrase, "passphrase"), scopes);
  }

  /** The API key id (or CDP key name) as the provider issued it; it is sent with requests. */
  public String apiKey() {
    return apiKey;
  }

  /** The API key id shortened for logs: its first four characters and an ellipsis. */
  public String redactedApiKey() {
    return redact(apiKey);
  }

  /** The kind of key these credentials hold. */
  public KeyType keyType() {
    return keyType;
  }

  /** The HMAC secret or the PEM the private key came from, when there is one. */
  public Optional<Secret> secret() {
    return Optional.ofNullable(secret);
  }

  /** The parsed private key of asymmetric credentials. */
  public Optional<PrivateKey> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  /** The passphrase, for providers that require one. */
  public Optional<Secret> passphrase() {
    return Optional.ofNullable(passphrase);
  }

  /** The scopes the caller allows this key to use. */
  public Set<Scope> scopes() {
    return scopes;
  }

  /**
   * Destroys the secret and passphrase held by these credentials. Call it after a rotation, once no
   * call signs with them any more (see {@link RotatingCredentialsProvider}).
   */
  public void destroy() {
    if (secret != null) {
      secret.destroy();
    }
    if (passphrase != null) {
      passphrase.destroy();
    }
  }

  /** Shows the key id's prefix, the key type and the scopes; never a secret. */
  @Override
  public String toString() {
    return "ApiCredentials{apiKey=" + redactedApiKey() + ", type=" + keyType + ", scopes=" + scopes + "}";
  }

  /** {@code abcd…} for ids longer than eight characters, {@code …} otherwise. */
  public static String redact(String keyId) {
    return keyId.length() > 8 ? keyId.substring(0, 4) + "…" : "…";
  }

  private static PrivateKey parse(Secret pemKey, char[] password) {
    Objects.requireNonNull(pemKey, "pemKey");
    return pemKey.withBytes(pem -> Pem.privateKey(pem, password));
  }

  private static boolean isP256(ECParameterSpec params) {
    return params.getCurve().getField().getFieldSize() == 256
        && params.getOrder().toString(16).equals("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
  }

  private static String requireKeyId(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      // Typically System.getenv(...) of a variable that is not exported.
      throw new ConfigurationException("apiKey", "apiKey is missing or blank; check the variable or file it is read from");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new ConfigurationException("apiKey", "apiKey must be printable ASCII without spaces (it goes in a header)");
      }
    }
    return apiKey;
  }
}
