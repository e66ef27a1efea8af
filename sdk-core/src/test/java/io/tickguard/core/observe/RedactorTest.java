package io.tickguard.core.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void secretQueryParametersAreRedactedInText() {
    String s = Redactor.standard().redact("GET https://api.example/v1/x?symbol=BTC&api_key=K123456&signature=abcdef&timestamp=1");
    assertThat(s).contains("symbol=BTC", "timestamp=1", "api_key=[redacted]", "signature=[redacted]")
        .doesNotContain("K123456", "abcdef");
  }

  @Test
  void credentialHeadersAreRedactedWhateverTheirCase() {
    Redactor withProviderHeaders = Redactor.standard().withSecretHeaders(List.of("X-MBX-APIKEY", "API-Sign"));
    String s = withProviderHeaders.redact("x-mbx-apikey: vmPUZE6mv9\nAPI-Sign: 4/dpxb3iT4tp\nAuthorization: Bearer eyJabc.def.ghi\nAccept: json");
    assertThat(s).doesNotContain("vmPUZE6mv9", "4/dpxb3iT4tp", "eyJabc").contains("Accept: json");
  }

  @Test
  void providerHeaderIsRedactedOnlyOnceRegistered() {
    String text = "X-MBX-APIKEY: vmPUZE6mv9\nAuthorization: Bearer eyJabc.def.ghi";
    assertThat(Redactor.standard().redact(text)).contains("vmPUZE6mv9").doesNotContain("eyJabc");
    Redactor registered = Redactor.standard().withSecretHeaders(List.of("X-MBX-APIKEY"));
    assertThat(registered.redact(text)).doesNotContain("vmPUZE6mv9", "eyJabc");
    assertThat(registered.isSecretHeader("x-mbx-apikey")).isTrue();
    assertThat(Redactor.standard().isSecretHeader("x-mbx-apikey")).isFalse();
  }

  @Test
  void registeredParameterIsRedactedInTextAndUrls() {
    Redactor registered = Redactor.standard().withSecretParameters(List.of("partner_token"));
    assertThat(Redactor.standard().redact("a=1&partner_token=PT123456")).contains("PT123456");
    assertThat(registered.redact("a=1&partner_token=PT123456")).isEqualTo("a=1&partner_token=[redacted]");
    assertThat(registered.redact(HttpUrl.get("https://h.example/p?partner_token=PT123456"))).doesNotContain("PT123456");
  }

  @Test
  void aNameThatIsNotATokenIsRefused() {
    assertThatThrownBy(() -> Redactor.standard().withSecretHeaders(List.of("X-Key: ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret header name");
  }

  @Test
  void bearerTokensAndJwtsAreRedactedAnywhere() {
    assertThat(Redactor.standard().redact("token was Bearer abcdefgh12345678 rejected")).doesNotContain("abcdefgh12345678");
    assertThat(Redactor.standard().redact("jwt eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXkifQ.c2lnbmF0dXJl end"))
        .doesNotContain("eyJhbGciOiJFUzI1NiJ9").endsWith(" end");
  }

  @Test
  void jsonStyleSecretsAreRedacted() {
    String s = Redactor.standard().redact("{\"access_token\":\"tok-123\",\"refresh_token\": \"ref-456\",\"expires_in\":3600}");
    assertThat(s).doesNotContain("tok-123", "ref-456").contains("expires_in");
  }

  @Test
  void providerErrorCodesAreKept() {
    assertThat(Redactor.standard().redact("code=-1021 msg=Timestamp outside recvWindow")).isEqualTo("code=-1021 msg=Timestamp outside recvWindow");
  }

  @Test
  void urlRedactionKeepsNonSecretParameters() {
    HttpUrl url = HttpUrl.get("https://h.example/p?symbol=EURUSD&api_key=SECRETKEY");
    assertThat(Redactor.standard().redact(url)).contains("symbol=EURUSD").doesNotContain("SECRETKEY");
  }

  @Test
  void sanitizedExceptionKeepsTypeAndStackButNotTheSecret() {
    IOException original = new IOException("unexpected end of stream on https://h.example/p?api_key=SECRETKEY",
        new IllegalStateException("token=abcdef123"));
    Throwable clean = Redactor.standard().sanitize(original);
    assertThat(clean.getMessage()).contains("java.io.IOException", "api_key=[redacted]").doesNotContain("SECRETKEY");
    assertThat(clean.getCause().getMessage()).doesNotContain("abcdef123");
    assertThat(clean.getStackTrace()).isEqualTo(original.getStackTrace());
  }

  @Test
  void cleanExceptionIsReturnedAsItIs() {
    IOException e = new IOException("connection reset");
    assertThat(Redactor.standard().sanitize(e)).isSameAs(e);
  }
}
