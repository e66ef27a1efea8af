package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.internal.EcdsaSignatures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every signer against the vector its provider (or the RFC defining its algorithm) publishes. */
class SignersPublishedVectorsTest {

  @Test
  void binanceHmacMatchesTheDocsQueryStringExample() {
    Properties v = Fixtures.load("binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), Fixtures.secret(v.getProperty("secretKey")));

    RequestSignature signature = Signers.hmacSha256HexOfQueryAndBody()
        .sign(Fixtures.input("POST", "/api/v3/order", v.getProperty("queryString"), "", "1499827319559", 0), credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("signature"));
    assertThat(signature.payload()).isEqualTo(new SignedPayload("HMAC-SHA256", v.getProperty("queryString")));
  }

  @Test
  void binanceHmacSignsQueryAndBodyConcatenatedWithoutSeparatorLikeDocsExample3() {
    Properties v = Fixtures.load("binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), Fixtures.secret(v.getProperty("secretKey")));

    RequestSignature signature = Signers.hmacSha256HexOfQueryAndBody().sign(
        Fixtures.input("POST", "/api/v3/order", v.getProperty("mixedQueryString"), v.getProperty("mixedRequestBody"), "", 0),
        credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("mixedSignature"));
  }

  @Test
  void binanceHmacMatchesTheDocsPercentEncodedUnicodeExample() {
    Properties v = Fixtures.load("binance-hmac-sha256.properties");
    ApiCredentials credentials = ApiCredentials.hmac(v.getProperty("apiKey"), Fixtures.secret(v.getProperty("secretKey")));

    RequestSignature signature = Signers.hmacSha256HexOfQueryAndBody()
        .sign(Fixtures.input("POST", "/api/v3/order", v.getProperty("unicodeQueryString"), "", "", 0), credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("unicodeSignature"));
  }

  @Test
  void krakenSignatureMatchesTheDocsAddOrderExample() {
    Properties v = Fixtures.load("kraken-hmac-sha512.properties");
    ApiCredentials credentials = ApiCredentials.hmac("kraken-public-key", Fixtures.secret(v.getProperty("privateKey")));
    SigningInput input = Fixtures.input(
        "POST", v.getProperty("uriPath"), "", v.getProperty("encodedPayload"), "", Long.parseLong(v.getProperty("nonce")));

    RequestSignature signature = Signers.krakenHmacSha512().sign(input, credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("apiSign"));
    assertThat(signature.payload().canonical())
        .isEqualTo("/0/private/AddOrder + SHA256(1616492376594" + v.getProperty("encodedPayload") + ")")
        .doesNotContain(v.getProperty("privateKey"));
  }

  @Test
  void coinbaseExchangeHmacMatchesIndependentlyComputedVectors() {
    Properties v = Fixtures.load("coinbase-exchange-hmac-independent.properties");
    ApiCredentials credentials = ApiCredentials.hmac("cb-key-0001", Fixtures.secret(v.getProperty("secret")));
    RequestSigner signer = Signers.hmacSha256Base64OfPrehash(true);

    for (String c : new String[] {"get", "post"}) {
      String pathAndQuery = v.getProperty(c + ".requestPath");
      int q = pathAndQuery.indexOf('?');
      SigningInput input = Fixtures.input(
          v.getProperty(c + ".method"),
          q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
          q < 0 ? "" : pathAndQuery.substring(q + 1),
          v.getProperty(c + ".body"),
          v.getProperty(c + ".timestamp"),
          0);
      assertThat(signer.sign(input, credentials).value()).as(c).isEqualTo(v.getProperty(c + ".signature"));
    }
  }

  @Test
  void okxStyleUsesTheSecretTextAsKey() throws Exception {
    ApiCredentials credentials = ApiCredentials.hmac("okx-key-0001", Fixtures.secret("plain-text-secret"));
    SigningInput input = Fixtures.input("GET", "/api/v5/account/balance", "ccy=BTC", "", "2020-12-08T09:08:57.715Z", 0);

    String value = Signers.hmacSha256Base64OfPrehash(false).sign(input, credentials).value();

    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("plain-text-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(mac.doFinal(
        "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC".getBytes(StandardCharsets.UTF_8)));
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void ed25519MatchesRfc8032Test1FromAPemKey() {
    Properties v = Fixtures.load("rfc8032-ed25519-test1.properties");
    // PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): fixed prefix + the 32 seed bytes.
    byte[] der = HexFormat.of().parseHex("302e020100300506032b657004220420" + v.getProperty("secretKey"));
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
    ApiCredentials credentials = ApiCredentials.ed25519("binance-ed25519-key", Fixtures.secret(pem));

    RequestSignature signature = Signers.ed25519OfQueryAndBody().sign(Fixtures.input("GET", "/", "", "", "", 0), credentials);

    assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signature.value()))).isEqualTo(v.getProperty("signature"));
  }

  @Test
  void ed25519SignatureOfABinanceQueryVerifiesWithThePublicKey() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ApiCredentials credentials = ApiCredentials.ofPrivateKey("ed-key", KeyType.ED25519, pair.getPrivate());
    String query = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";

    RequestSignature signature = Signers.ed25519OfQueryAndBody().sign(Fixtures.input("POST", "/api/v3/order", query, "", "", 0), credentials);

    assertThat(verify("Ed25519", pair.getPublic(), query, Base64.getDecoder().decode(signature.value()))).isTrue();
  }

  @Test
  void rsaMatchesRfc7515AppendixA2() throws Exception {
    Properties v = Fixtures.load("rfc7515-a2-rs256.properties");
    Base64.Decoder url = Base64.getUrlDecoder();
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
        new BigInteger(1, url.decode(v.getProperty("n"))), new BigInteger(1, url.decode(v.getProperty("d")))));
    ApiCredentials credentials = ApiCredentials.ofPrivateKey("rsa-key", KeyType.RSA, key);

    RequestSignature signature = Signers.rsaSha256OfQueryAndBody()
        .sign(Fixtures.input("GET", "/", v.getProperty("signingInput"), "", "", 0), credentials);

    assertThat(Base64.getDecoder().decode(signature.value())).isEqualTo(url.decode(v.getProperty("signature")));
    assertThat(signature.payload().algorithm()).isEqualTo("RSA-SHA256");
  }

  @Test
  void joseSignatureOfRfc7515AppendixA3VerifiesAfterConversionToDer() throws Exception {
    Properties v = Fixtures.load("rfc7515-a3-es256.properties");
    PublicKey publicKey = Es256Keys.publicKey(bytes(v.getProperty("x")), bytes(v.getProperty("y")));
    byte[] jose = Base64.getUrlDecoder().decode(v.getProperty("signature"));

    byte[] der = EcdsaSignatures.joseToDer(jose);

    assertThat(jose).hasSize(64);
    assertThat(verify("SHA256withECDSA", publicKey, v.getProperty("signingInput"), der)).isTrue();
    assertThat(EcdsaSignatures.derToJose(der, 32)).isEqualTo(jose);
  }

  @Test
  void rsaCredentialsRefuseShortKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> ApiCredentials.rsa("k", Fixtures.secret(pem)))
        .isInstanceOf(io.tickguard.core.ConfigurationException.class).hasMessageContaining("2048");
  }

  static boolean verify(String algorithm, PublicKey key, String data, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(data.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(signature);
  }

  static byte[] bytes(String commaSeparatedDecimals) {
    String[] parts = commaSeparatedDecimals.split(",");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i].trim());
    }
    return out;
  }
}
