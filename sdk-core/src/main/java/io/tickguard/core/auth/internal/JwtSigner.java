package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A short-lived JWT per request, as Coinbase's CDP API keys demand: header {@code {alg, kid, nonce,
 * typ}}, claims {@code {sub, iss, nbf, exp, uri}} with {@code uri = "METHOD host/path"} (a token for
 * a WebSocket message, made with {@link #token}, has no {@code uri}). The algorithm follows the key:
 * {@code ES256} for an EC P-256 key, {@code EdDSA} for an Ed25519 key. The whole JWT is the
 * "signature"; it is sent as a bearer token.
 *
 * <p>The JDK signs ECDSA in DER; JOSE wants the raw 64-byte {@code R || S}, so the signature is
 * converted ({@link EcdsaSignatures}). Sending DER is the classic bug: the server rejects every
 * token. An Ed25519 signature already is the raw 64 bytes a JWS carries.
 */
public final class JwtSigner implements RequestSigner {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final JsonMapper json;
  private final String issuer;
  private final long lifetimeSeconds;
  private final Supplier<byte[]> nonceBytes;
  private final Set<KeyType> accepted;
  private final Signatures es256 = new Signatures("SHA256withECDSA");
  private final Signatures eddsa = new Signatures("Ed25519");

  /** A token: the compact JWT and the header and claims it carries (for error reports). */
  public record Token(String jwt, String headerJson, String claimsJson) {}

  /**
   * @param issuer the {@code iss} claim ({@code cdp} for Coinbase)
   * @param lifetime {@code exp - nbf} (Coinbase: at most two minutes)
   * @param nonceBytes random bytes for the header nonce (a {@code SecureRandom} in production)
   * @param accepted the key types signed: {@link KeyType#EC_P256} (ES256) and/or {@link
   *     KeyType#ED25519} (EdDSA)
   */
  public JwtSigner(JsonMapper json, String issuer, Duration lifetime, Supplier<byte[]> nonceBytes, Set<KeyType> accepted) {
    this.json = Objects.requireNonNull(json, "json");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.lifetimeSeconds = lifetime.toSeconds();
    this.nonceBytes = Objects.requireNonNull(nonceBytes, "nonceBytes");
    this.accepted = Set.copyOf(accepted);
    if (this.accepted.isEmpty() || !EnumSet.of(KeyType.EC_P256, KeyType.ED25519).containsAll(this.accepted)) {
      throw new IllegalArgumentException("JWTs are signed with EC P-256 or Ed25519 keys, not " + accepted);
    }
  }

  /** Header nonces of 16 random bytes from one {@code SecureRandom}, as production tokens use. */
  public static Supplier<byte[]> randomNonces() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      return nonce;
    };
  }

  @Override
  public RequestSignature sign(SigningInput input, ApiCredentials credentials) {
    Token token = token(credentials, input.time().getEpochSecond(), input.method() + " " + input.host() + input.path());
    String alg = credentials.keyType() == KeyType.ED25519 ? "EdDSA" : "ES256";
    return new RequestSignature(token.jwt(), new SignedPayload(alg + "-JWT", token.headerJson() + "." + token.claimsJson()));
  }

  /**
   * A token for {@code credentials} valid from {@code nbf} (epoch seconds) for the lifetime, with the
   * {@code uri} claim when {@code uri} is not {@code null}.
   *
   * @throws IllegalArgumentException for a key type this signer does not accept
   */
  public Token token(ApiCredentials credentials, long nbf, String uri) {
    if (!accepted.contains(credentials.keyType())) {
      throw new IllegalArgumentException("These JWTs need "
          + (accepted.contains(KeyType.EC_P256) ? "EC P-256 (ES256)" : "")
          + (accepted.size() == 2 ? " or " : "")
          + (accepted.contains(KeyType.ED25519) ? "Ed25519 (EdDSA)" : "")
          + " credentials, not " + credentials.keyType());
    }
    boolean ed25519 = credentials.keyType() == KeyType.ED25519;
    ObjectNode header = json.createObjectNode()
        .put("alg", ed25519 ? "EdDSA" : "ES256")
        .put("kid", credentials.apiKey())
        .put("nonce", HexFormat.of().formatHex(nonceBytes.get()))
        .put("typ", "JWT");
    ObjectNode claims = json.createObjectNode()
        .put("sub", credentials.apiKey())
        .put("iss", issuer)
        .put("nbf", nbf)
        .put("exp", Math.addExact(nbf, lifetimeSeconds));
    if (uri != null) {
      claims.put("uri", uri);
    }
    String headerJson = json.writeValueAsString(header);
    String claimsJson = json.writeValueAsString(claims);
    String signingInput = B64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
        + "." + B64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    byte[] data = signingInput.getBytes(StandardCharsets.US_ASCII);
    byte[] signature = ed25519 ? eddsa.sign(credentials, data) : EcdsaSignatures.derToJose(es256.sign(credentials, data), 32);
    return new Token(signingInput + "." + B64URL.encodeToString(signature), headerJson, claimsJson);
  }
}
