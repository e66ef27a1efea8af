package io.tickguard.crypto.kraken;

import static io.tickguard.crypto.SigningVectors.input;
import static io.tickguard.crypto.SigningVectors.load;
import static io.tickguard.crypto.SigningVectors.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.SigningInput;
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


}
