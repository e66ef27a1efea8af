package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256ChallengeMatchesRfc7636AppendixB() {
    assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void verifierIs32RandomBytesAsUnpaddedBase64UrlAndItsChallengeIsS256() {
    Pkce pkce = Pkce.generate(new SecureRandom());
    String verifier = new String(pkce.verifier().bytes(), StandardCharsets.US_ASCII);

    assertThat(verifier).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(verifier));
    assertThat(pkce.toString()).doesNotContain(verifier);
  }

  @Test
  void twoPairsNeverShareAVerifier() {
    SecureRandom random = new SecureRandom();
    assertThat(Pkce.generate(random).challenge()).isNotEqualTo(Pkce.generate(random).challenge());
  }
}
