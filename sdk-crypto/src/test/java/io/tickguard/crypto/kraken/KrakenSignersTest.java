package io.tickguard.crypto.kraken;

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

/** Kraken's API-Sign against the example in Kraken's docs (moved from core with the signer). */
class KrakenSignersTest {
  @Test
  void krakenSignatureMatchesTheDocsAddOrderExample() {
    Properties v = load("kraken/kraken-hmac-sha512.properties");
    ApiCredentials credentials = ApiCredentials.hmac("kraken-public-key", secret(v.getProperty("privateKey")));
    SigningInput input = input(
        "POST", v.getProperty("uriPath"), "", v.getProperty("encodedPayload"), "", Long.parseLong(v.getProperty("nonce")));

    RequestSignature signature = KrakenSigners.apiSign().sign(input, credentials);

    assertThat(signature.value()).isEqualTo(v.getProperty("apiSign"));
    assertThat(signature.payload().canonical())
        .isEqualTo("/0/private/AddOrder + SHA256(1616492376594" + v.getProperty("encodedPayload") + ")")
        .doesNotContain(v.getProperty("privateKey"));
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
