package io.tickguard.crypto.binance;

import static io.tickguard.crypto.SigningVectors.input;
import static io.tickguard.crypto.SigningVectors.load;
import static io.tickguard.crypto.SigningVectors.secret;
import static io.tickguard.crypto.SigningVectors.verify;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.SignedPayload;
import java.security.KeyPairGenerator;
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


}
