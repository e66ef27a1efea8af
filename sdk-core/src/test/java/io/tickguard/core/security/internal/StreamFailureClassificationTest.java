package io.tickguard.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.security.EgressException;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which stream failures are security events: provider refusals of the credentials (by their code or
 * words) are, and so is everything a REST call reports; a malformed message, an unknown symbol or the
 * client's own scope check are not. The event never repeats the provider's text.
 */
class StreamFailureClassificationTest {
  private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

  private static Optional<SecurityEvent> classify(TickGuardException e) {
    return new SecurityClassifier(code -> false).eventForStream(e, AT, "stream.example", "level2");
  }

  private static ProviderException providerError(String code, String message) {
    return new ProviderException("refused: " + message, ErrorDetails.none().withProviderError(code, message));
  }

  @Test
  void providerErrorsAboutCredentialsAreCredentialRejected() {
    for (ProviderException e : new ProviderException[] {
        providerError("error", "authentication failure"), providerError("EAPI:Invalid key", "EAPI:Invalid key"),
        providerError("error", "Invalid signature"), providerError("error", "jwt expired"),
        providerError("401", "Unauthorized")}) {
      assertThat(classify(e)).as(e.getMessage()).get().satisfies(ev -> {
        assertThat(ev.kind()).isEqualTo(SecurityEventKind.CREDENTIAL_REJECTED);
        assertThat(ev.detail()).isEqualTo("the provider refused the stream's credentials");
      });
    }
  }

  @Test
  void theProvidersTextIsNeverRepeatedInTheEvent() {
    assertThat(classify(providerError("error", "authentication failure for key sbx-key-0042"))).get()
        .satisfies(ev -> assertThat(ev.toString()).doesNotContain("sbx-key-0042").doesNotContain("authentication failure"));
  }

  @Test
  void otherStreamFailuresAreNotSecurityEvents() {
    assertThat(classify(providerError("error", "Unknown product_id BTC-XYZ"))).isEmpty();
    assertThat(classify(providerError("error", "Failed to subscribe: too many channels"))).isEmpty();
    assertThat(classify(new InvalidResponseException("channel", "Coinbase message without a channel"))).isEmpty();
    assertThat(classify(new PermissionDeniedException("the client declared no TRADE scope"))).isEmpty();
  }

  @Test
  void whatRestReportsStreamsReportToo() {
    assertThat(classify(new EgressException("proxy down", null))).get()
        .extracting(SecurityEvent::kind).isEqualTo(SecurityEventKind.EGRESS_FAILURE);
  }
}
