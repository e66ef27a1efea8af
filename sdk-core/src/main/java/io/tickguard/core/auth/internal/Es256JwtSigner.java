package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A short-lived ES256 JWT per request, as Coinbase's CDP API keys demand: header {@code {alg, kid,
 * nonce, typ}}, claims {@code {sub, iss, nbf, exp, uri}} with {@code uri = "METHOD host/path"}. The
 * whole JWT is the "signature"; it is sent as a bearer token.
 *
 * <p>The JDK signs ECDSA in DER; JOSE wants the raw 64-byte {@code R || S}, so the signature is
 * converted ({@link EcdsaSignatures}). Sending DER is the classic bug: the server rejects every
 * token.
 */
public final class Es256JwtSigner implements RequestSigner {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final JsonMapper json;
  private final String issuer;
  private final Duration lifetime;
  private final Supplier<byte[]> nonceBytes;
  private final Signatures signatures = new Signatures("SHA256withECDSA");

  /**
   * @param issuer the {@code iss} claim ({@code cdp} for Coinbase)
   * @param lifetime {@code exp - nbf} (Coinbase: at most two minutes)
   * @param nonceBytes random bytes for the header nonce (a {@code SecureRandom} in production)
   */
  public Es256JwtSigner(JsonMapper json, String issuer, Duration lifetime, Supplier<byte[]> nonceBytes) {
    this.json = json;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.nonceBytes = nonceBytes;
  }

  @Override
  public RequestSignature sign(SigningInput input, ApiCredentials credentials) {
    if (credentials.keyType() != KeyType.EC_P256) {
      throw new IllegalArgumentException("ES256 JWTs need EC P-256 credentials, not " + credentials.keyType());
    }
    long nbf = input.time().getEpochSecond();
    ObjectNode header = json.createObjectNode()
        .put("alg", "ES256")
        .put("kid", credentials.apiKey())
        .put("nonce", HexFormat.of().formatHex(nonceBytes.get()))
        .put("typ", "JWT");
    ObjectNode claims = json.createObjectNode()
        .put("sub", credentials.apiKey())
        .put("iss", issuer)
        .put("nbf", nbf)
        .put("exp", nbf + lifetime.toSeconds())
        .put("uri", input.method() + " " + input.host() + input.path());
    String headerJson = json.writeValueAsString(header);
    String claimsJson = json.writeValueAsString(claims);
    String signingInput = B64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
        + "." + B64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    byte[] der = signatures.sign(credentials, signingInput.getBytes(StandardCharsets.US_ASCII));
    String jwt = signingInput + "." + B64URL.encodeToString(EcdsaSignatures.derToJose(der, 32));
    return new RequestSignature(jwt, new SignedPayload("ES256-JWT", headerJson + "." + claimsJson));
  }
}
