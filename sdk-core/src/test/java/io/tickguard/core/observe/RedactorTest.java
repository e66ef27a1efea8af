package io.tickguard.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void secretQueryParametersAreRedactedInText() {
    String s = Redactor.redact("GET https://api.example/v1/x?symbol=BTC&api_key=K123456&signature=abcdef&timestamp=1");
    assertThat(s).contains("symbol=BTC", "timestamp=1", "api_key=[redacted]", "signature=[redacted]")
        .doesNotContain("K123456", "abcdef");
  }

  @Test
  void credentialHeadersAreRedactedWhateverTheirCase() {
    String s = Redactor.redact("x-mbx-apikey: vmPUZE6mv9\nAPI-Sign: 4/dpxb3iT4tp\nAuthorization: Bearer eyJabc.def.ghi\nAccept: json");
    assertThat(s).doesNotContain("vmPUZE6mv9", "4/dpxb3iT4tp", "eyJabc").contains("Accept: json");
  }

  @Test
  void bearerTokensAndJwtsAreRedactedAnywhere() {
    assertThat(Redactor.redact("token was Bearer abcdefgh12345678 rejected")).doesNotContain("abcdefgh12345678");
    assertThat(Redactor.redact("jwt eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXkifQ.c2lnbmF0dXJl end"))
        .doesNotContain("eyJhbGciOiJFUzI1NiJ9").endsWith(" end");
  }

  @Test
  void jsonStyleSecretsAreRedacted() {
    String s = Redactor.redact("{\"access_token\":\"tok-123\",\"refresh_token\": \"ref-456\",\"expires_in\":3600}");
    assertThat(s).doesNotContain("tok-123", "ref-456").contains("expires_in");
  }

  @Test
  void providerErrorCodesAreKept() {
    assertThat(Redactor.redact("code=-1021 msg=Timestamp outside recvWindow")).isEqualTo("code=-1021 msg=Timestamp outside recvWindow");
  }

  @Test
  void urlRedactionKeepsNonSecretParameters() {
    HttpUrl url = HttpUrl.get("https://h.example/p?symbol=EURUSD&api_key=SECRETKEY");
    assertThat(Redactor.redact(url)).contains("symbol=EURUSD").doesNotContain("SECRETKEY");
  }

  @Test
  void sanitizedExceptionKeepsTypeAndStackButNotTheSecret() {
    IOException original = new IOException("unexpected end of stream on https://h.example/p?api_key=SECRETKEY",
        new IllegalStateException("token=abcdef123"));
    Throwable clean = Redactor.sanitize(original);
    assertThat(clean.getMessage()).contains("java.io.IOException", "api_key=[redacted]").doesNotContain("SECRETKEY");
    assertThat(clean.getCause().getMessage()).doesNotContain("abcdef123");
    assertThat(clean.getStackTrace()).isEqualTo(original.getStackTrace());
  }

  @Test
  void cleanExceptionIsReturnedAsItIs() {
    IOException e = new IOException("connection reset");
    assertThat(Redactor.sanitize(e)).isSameAs(e);
  }
}
