package io.tickguard.testkit.coinbase;

import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Checks a CDP bearer JWT the way Coinbase's "API Key Authentication" page describes it: header
 * {@code alg ES256} for an EC P-256 key or {@code alg EdDSA} for an Ed25519 key (the algorithm
 * must be the registered key's: no algorithm confusion), {@code kid} the key name and a {@code
 * nonce}; claims {@code iss "cdp"}, {@code sub} the key name, {@code nbf}, {@code exp} (at most two
 * minutes later) and {@code uri "METHOD host/path"}; an ES256 signature (raw {@code R || S}) or an
 * Ed25519 signature (64 bytes) over {@code base64url(header) + "." + base64url(claims)}. A nonce is accepted once while its token lives.
 *
 * <p>The reason of a refusal is for the error body: it names what failed and never echoes the token.
 */
final class CdpJwtVerifier {
  /** The longest lifetime Coinbase allows a token ({@code exp - nbf}). */
  static final long MAX_LIFETIME_SECONDS = 120;

  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

  private final Clock clock;
  private final Function<String, Optional<PublicKey>> keys;
  private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();

  CdpJwtVerifier(Clock clock, Function<String, Optional<PublicKey>> keys) {
    this.clock = clock;
    this.keys = keys;
  }

  /** The verdict: the key name when valid, otherwise why not. */
  record Verdict(Optional<String> keyName, String reason) {
    static Verdict refused(String reason) {
      return new Verdict(Optional.empty(), reason);
    }
  }

  Verdict verify(SandboxRequest request) {
    String authorization = request.header("Authorization").orElse("");
    if (!authorization.startsWith("Bearer ")) {
      return Verdict.refused("missing bearer token");
    }
    String token = authorization.substring("Bearer ".length()).trim();
    return verify(token, request.method() + " " + request.url().host() + request.path());
  }

  /**
   * Verifies a WebSocket message's JWT: the same rules as a REST call's, except that it carries no
   * {@code uri} claim.
   */
  Verdict verifyWebSocket(String token) {
    return verify(token, null);
  }

  private Verdict verify(String token, String expectedUri) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Verdict.refused("malformed JWT");
    }
    JsonNode header;
    JsonNode claims;
    byte[] signature;
    try {
      header = SandboxJson.read(new String(B64URL.decode(parts[0]), StandardCharsets.UTF_8));
      claims = SandboxJson.read(new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8));
      signature = B64URL.decode(parts[2]);
    } catch (RuntimeException e) {
      return Verdict.refused("malformed JWT");
    }
    if (!header.isObject() || !claims.isObject()) {
      return Verdict.refused("malformed JWT");
    }
    String alg = text(header, "alg");
    if (!"ES256".equals(alg) && !"EdDSA".equals(alg)) {
      return Verdict.refused("alg must be ES256 or EdDSA");
    }
    String kid = text(header, "kid");
    String nonce = text(header, "nonce");
    if (kid == null || nonce == null || nonce.isEmpty()) {
      return Verdict.refused("header needs kid and nonce");
    }
    Optional<PublicKey> key = keys.apply(kid);
    if (key.isEmpty()) {
      return Verdict.refused("unknown key");
    }
    if (!alg.equals(algorithmOf(key.get()))) {
      return Verdict.refused("alg must be " + algorithmOf(key.get()) + " for this key");
    }
    if (signature.length != 64 || !validSignature(key.get(), alg, parts[0] + "." + parts[1], signature)) {
      return Verdict.refused("invalid signature");
    }
    if (!kid.equals(text(claims, "sub"))) {
      return Verdict.refused("sub must be the key name");
    }
    if (!"cdp".equals(text(claims, "iss"))) {
      return Verdict.refused("iss must be cdp");
    }
    if (expectedUri == null ? claims.has("uri") : !expectedUri.equals(text(claims, "uri"))) {
      return Verdict.refused(expectedUri == null ? "a WebSocket JWT has no uri claim" : "uri claim does not match the request");
    }
    JsonNode nbf = claims.get("nbf");
    JsonNode exp = claims.get("exp");
    if (nbf == null || exp == null || !nbf.isIntegralNumber() || !exp.isIntegralNumber()) {
      return Verdict.refused("nbf and exp must be epoch seconds");
    }
    long now = clock.instant().getEpochSecond();
    if (exp.longValue() - nbf.longValue() > MAX_LIFETIME_SECONDS || exp.longValue() <= nbf.longValue()) {
      return Verdict.refused("token lifetime must be at most " + MAX_LIFETIME_SECONDS + " s");
    }
    if (now < nbf.longValue()) {
      return Verdict.refused("token not valid yet");
    }
    if (now >= exp.longValue()) {
      return Verdict.refused("token expired");
    }
    purge(now);
    if (seenNonces.putIfAbsent(kid + " " + nonce, exp.longValue()) != null) {
      return Verdict.refused("nonce already used");
    }
    return new Verdict(Optional.of(kid), "");
  }

  private void purge(long now) {
    for (Iterator<Map.Entry<String, Long>> it = seenNonces.entrySet().iterator(); it.hasNext();) {
      if (it.next().getValue() <= now) {
        it.remove();
      }
    }
  }

  /** The JWS algorithm a key signs with: ES256 for EC P-256, EdDSA for Ed25519. */
  private static String algorithmOf(PublicKey key) {
    return key instanceof java.security.interfaces.EdECPublicKey ? "EdDSA" : "ES256";
  }

  private static boolean validSignature(PublicKey key, String alg, String signingInput, byte[] rawSignature) {
    try {
      Signature verifier = Signature.getInstance("EdDSA".equals(alg) ? "Ed25519" : "SHA256withECDSAinP1363Format");
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(rawSignature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isString() ? null : v.asString();
  }
}
