package io.tickguard.testkit.coinbase;

import io.tickguard.testkit.SandboxJson;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mints CDP JWTs for the route tests, independently of core's signer, so that each claim can be
 * broken on purpose. Signs with the JDK's raw {@code R || S} ECDSA format, as JOSE wants, or with
 * Ed25519 (whose signature already is the raw 64 bytes) when the key is an Ed25519 key.
 */
final class CdpTokens {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final AtomicLong NONCES = new AtomicLong();

  private CdpTokens() {}

  static KeyPair newP256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair newEd25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An Ed25519 key's token as Coinbase documents it: {@link #claims} with {@code alg EdDSA}. */
  static Claims eddsaClaims(String keyName, String uri, long nbf) {
    return claims(keyName, uri, nbf).withAlg("EdDSA");
  }

  /** A token as Coinbase documents it, for {@code uri}, valid from {@code nbf} for {@code lifetime} seconds. */
  static Claims claims(String keyName, String uri, long nbf) {
    return new Claims(keyName, keyName, "cdp", uri, nbf, nbf + 120, "ES256", "n" + NONCES.incrementAndGet());
  }

  /** Every part of a token, each replaceable to break it. */
  record Claims(String kid, String sub, String iss, String uri, long nbf, long exp, String alg, String nonce) {
    Claims withSub(String v) {
      return new Claims(kid, v, iss, uri, nbf, exp, alg, nonce);
    }

    Claims withIss(String v) {
      return new Claims(kid, sub, v, uri, nbf, exp, alg, nonce);
    }

    Claims withUri(String v) {
      return new Claims(kid, sub, iss, v, nbf, exp, alg, nonce);
    }

    Claims withExp(long v) {
      return new Claims(kid, sub, iss, uri, nbf, v, alg, nonce);
    }

    Claims withNonce(String v) {
      return new Claims(kid, sub, iss, uri, nbf, exp, alg, v);
    }

    Claims withAlg(String v) {
      return new Claims(kid, sub, iss, uri, nbf, exp, v, nonce);
    }

    String sign(PrivateKey key) {
      ObjectNode header = SandboxJson.object().put("alg", alg).put("kid", kid).put("nonce", nonce).put("typ", "JWT");
      ObjectNode body = SandboxJson.object().put("sub", sub).put("iss", iss).put("nbf", nbf).put("exp", exp).put("uri", uri);
      String input = b64(SandboxJson.write(header)) + "." + b64(SandboxJson.write(body));
      try {
        Signature s = Signature.getInstance(
            key instanceof java.security.interfaces.EdECPrivateKey ? "Ed25519" : "SHA256withECDSAinP1363Format");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(s.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String b64(String json) {
      return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
  }
}
