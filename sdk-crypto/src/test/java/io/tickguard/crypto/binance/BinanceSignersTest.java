package io.tickguard.crypto.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import io.tickguard.crypto.Fixtures;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Binance's signers against the examples in Binance's API docs (moved from core with the signers). */
class BinanceSignersTest {
  @Test
  void binanceHmacMatchesTheDocsQueryStringExample() {
    Properties v = load("binance/binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), secret(v.getProperty("secretKey")));

    RequestSignature signature = BinanceSigners.hmac()
        .sign(input("POST", "/api/v3/order", v.getProperty("queryString"), "", "1499827319559", 0), credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("signature"));
    assertThat(signature.payload()).isEqualTo(new SignedPayload("HMAC-SHA256", v.getProperty("queryString")));
  }


  @Test
  void binanceHmacSignsQueryAndBodyConcatenatedWithoutSeparatorLikeDocsExample3() {
    Properties v = load("binance/binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), secret(v.getProperty("secretKey")));

    RequestSignature signature = BinanceSigners.hmac().sign(
        input("POST", "/api/v3/order", v.getProperty("mixedQueryString"), v.getProperty("mixedRequestBody"), "", 0),
        credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("mixedSignature"));
  }


  @Test
  void binanceHmacMatchesTheDocsPercentEncodedUnicodeExample() {
    Properties v = load("binance/binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), secret(v.getProperty("secretKey")));

    RequestSignature signature = BinanceSigners.hmac()
        .sign(input("POST", "/api/v3/order", v.getProperty("unicodeQueryString"), "", "", 0), credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("unicodeSignature"));
  }


  @Test
  void ed25519SignatureOfABinanceQueryVerifiesWithThePublicKey() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ApiCredentials credentials = ApiCredentials.ofPrivateKey("ed-key", KeyType.ED25519, pair.getPrivate());
    String query = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";

    RequestSignature signature = BinanceSigners.ed25519().sign(input("POST", "/api/v3/order", query, "", "", 0), credentials);

    assertThat(verify("Ed25519", pair.getPublic(), query, Base64.getDecoder().decode(signature.value()))).isTrue();
  }


  static Properties load(String name) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Fixtures.raw(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  static SigningInput input(String method, String path, String query, String body, String timestamp, long nonce) {
    return new SigningInput(method, "api.example.com", path, query, body, Instant.ofEpochMilli(0), timestamp, nonce);
  }

  static boolean verify(String algorithm, PublicKey key, String data, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(data.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(signature);
  }
}
