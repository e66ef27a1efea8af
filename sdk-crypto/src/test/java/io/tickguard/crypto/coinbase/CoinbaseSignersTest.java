package io.tickguard.crypto.coinbase;

import static io.tickguard.crypto.SigningVectors.input;
import static io.tickguard.crypto.SigningVectors.load;
import static io.tickguard.crypto.SigningVectors.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.SigningInput;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Coinbase Exchange's HMAC against independently computed vectors (moved from core with the signer). */
class CoinbaseSignersTest {
  @Test
  void coinbaseExchangeHmacMatchesIndependentlyComputedVectors() {
    Properties v = load("coinbase/coinbase-exchange-hmac-independent.properties");
    ApiCredentials credentials = ApiCredentials.hmac("cb-key-0001", secret(v.getProperty("secret")));
    RequestSigner signer = CoinbaseSigners.exchangeHmac();

    for (String c : new String[] {"get", "post"}) {
      String pathAndQuery = v.getProperty(c + ".requestPath");
      int q = pathAndQuery.indexOf('?');
      SigningInput input = input(
          v.getProperty(c + ".method"),
          q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
          q < 0 ? "" : pathAndQuery.substring(q + 1),
          v.getProperty(c + ".body"),
          v.getProperty(c + ".timestamp"),
          0);
      assertThat(signer.sign(input, credentials).value()).as(c).isEqualTo(v.getProperty(c + ".signature"));
    }
  }


}
