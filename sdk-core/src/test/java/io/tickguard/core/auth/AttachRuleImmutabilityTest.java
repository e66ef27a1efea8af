package io.tickguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** A built {@link AttachRule} keeps what its builder said at {@code build()}, whatever follows. */
class AttachRuleImmutabilityTest {
  final Request request = new Request.Builder().url("https://api.example.test/api/v3/account").build();
  final Freshness fresh = new Freshness(Instant.parse("2026-03-02T10:00:00Z"), "1772445600000", 7);
  final ApiCredentials key = ApiCredentials.apiKeyOnly("immutable-key-123");

  @Test
  void changingTheBuilderAfterBuildDoesNotChangeTheBuiltRule() {
    AttachRule.Builder builder = AttachRule.builder()
        .apiKeyHeader("X-Key")
        .timestampQueryParameter("timestamp")
        .signatureQueryParameter("signature");
    AttachRule rule = builder.build();

    builder.apiKeyHeader("X-Other-Key")
        .apiKeyQueryParameter("api_key")
        .timestampQueryParameter("ts")
        .recvWindowQueryParameter("recvWindow", 5000)
        .signatureHeader("X-Sig")
        .signatureAsBearerToken()
        .timestampFormat(AttachRule.TimestampFormat.EPOCH_SECONDS);

    Request prepared = rule.prepare(request, key, fresh);
    Request attached = rule.attach(prepared, key, fresh, new RequestSignature("sig", new SignedPayload("none", "c")));
    assertThat(attached.url().queryParameterNames()).containsExactly("timestamp", "signature");
    assertThat(attached.header("X-Key")).isEqualTo("immutable-key-123");
    assertThat(attached.header("X-Other-Key")).isNull();
    assertThat(attached.header("X-Sig")).isNull();
    assertThat(attached.header("Authorization")).isNull();
    assertThat(rule.formatTimestamp(Instant.parse("2026-03-02T10:00:00Z"))).isEqualTo("1772445600000");
  }

  @Test
  void aBuilderBuildsIndependentRules() {
    AttachRule.Builder builder = AttachRule.builder().apiKeyHeader("X-First");
    AttachRule first = builder.build();
    AttachRule second = builder.apiKeyHeader("X-Second").build();

    assertThat(first.attachKey(request, key).header("X-First")).isEqualTo("immutable-key-123");
    assertThat(first.attachKey(request, key).header("X-Second")).isNull();
    assertThat(second.attachKey(request, key).header("X-Second")).isEqualTo("immutable-key-123");
  }
}
