package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.observe.Redactor;
import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** {@link AttachRule.Builder#apiKeyQueryParameter}: the key in the URL, as Insightease requires. */
class AttachRuleApiKeyQueryTest {
  static final String KEY = "ie-query-key-123456";
  final AttachRule rule = AttachRule.builder().apiKeyQueryParameter("api_key").build();
  final Request request = new Request.Builder().url("https://api.example.test/forex/latest?symbol=BTC/USD").build();

  @Test
  void keyOnlyEndpointsGetTheKeyAsTheLastQueryParameterAndNoHeader() {
    Request out = rule.attachKey(request, ApiCredentials.apiKeyOnly(KEY));
    assertThat(out.url().queryParameter("api_key")).isEqualTo(KEY);
    assertThat(out.url().queryParameter("symbol")).isEqualTo("BTC/USD");
    assertThat(out.url().queryParameterName(out.url().querySize() - 1)).isEqualTo("api_key");
    assertThat(out.headers().size()).isZero();
  }

  @Test
  void signedEndpointsGetTheKeyBeforeSigningSoTheSignatureCoversIt() {
    Freshness fresh = new Freshness(Instant.parse("2026-03-02T10:00:00Z"), "1772445600000", 1);
    Request prepared = rule.prepare(request, ApiCredentials.apiKeyOnly(KEY), fresh);
    assertThat(SigningInput.of(prepared, fresh).query()).contains("api_key=" + KEY);
    Request attached = rule.attach(prepared, ApiCredentials.apiKeyOnly(KEY), fresh,
        new RequestSignature("sig", new SignedPayload("none", "canonical")));
    assertThat(attached.url().queryParameterValues("api_key")).containsExactly(KEY);
  }

  @Test
  void theRedactorMasksTheParameterInUrlsAndText() {
    Request out = rule.attachKey(request, ApiCredentials.apiKeyOnly(KEY));
    assertThat(Redactor.standard().redact(out.url())).doesNotContain(KEY).contains("api_key=%5Bredacted%5D");
    assertThat(Redactor.standard().redact("GET " + out.url())).doesNotContain(KEY);
    assertThat(Redactor.standard().secretsOf(out)).containsExactly(KEY);
  }
}
