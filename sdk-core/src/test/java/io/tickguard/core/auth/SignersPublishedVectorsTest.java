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

/**
 * Core's generic signer blocks against the vectors of the RFCs defining their algorithms. The
 * providers' schemes and their published vectors are tested in sdk-crypto (BinanceSignersTest,
 * KrakenSignersTest, CoinbaseSignersTest).
 */
class SignersPublishedVectorsTest {

  @Test
  void textSecretHmacOfAPrehashOkxStyleUsesTheSecretTextAsKey() throws Exception {
    ApiCredentials credentials = ApiCredentials.hmac("okx-key-0001", Fixtures.secret("plain-text-secret"));
    SigningInput input = Fixtures.input("GET", "/api/v5/account/balance", "ccy=BTC", "", "2020-12-08T09:08:57.715Z", 0);

    String value = Signers.hmac(Signers.Hmac.SHA256, Signers.SecretEncoding.TEXT,
        Signers.Message.text(in -> in.timestamp() + in.method() + in.pathAndQuery() + in.body()), Signers.SignatureEncoding.BASE64).sign(input, credentials).value();

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

    RequestSignature signature = Signers.ed25519(in -> in.query() + in.body()).sign(Fixtures.input("GET", "/", "", "", "", 0), credentials);

    assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signature.value()))).isEqualTo(v.getProperty("signature"));
  }

  @Test
  void rsaMatchesRfc7515AppendixA2() throws Exception {
    Properties v = Fixtures.load("rfc7515-a2-rs256.properties");
    Base64.Decoder url = Base64.getUrlDecoder();
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
        new BigInteger(1, url.decode(v.getProperty("n"))), new BigInteger(1, url.decode(v.getProperty("d")))));
    ApiCredentials credentials = ApiCredentials.ofPrivateKey("rsa-key", KeyType.RSA, key);

    RequestSignature signature = Signers.rsaSha256(in -> in.query() + in.body())
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
