package io.tickguard.core.auth;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

/** Builds P-256 keys from raw coordinates, for the RFC 7515 vector. */
final class Es256Keys {
  private Es256Keys() {}

  static ECParameterSpec p256() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }

  static PublicKey publicKey(byte[] x, byte[] y) throws Exception {
    ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256()));
  }

  static PrivateKey privateKey(byte[] d) throws Exception {
    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, d), p256()));
  }
}
