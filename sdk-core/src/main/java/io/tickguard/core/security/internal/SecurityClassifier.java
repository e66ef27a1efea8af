package io.tickguard.core.security.internal;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.security.EgressException;
import io.tickguard.core.security.KeyRestrictedException;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.tls.TlsHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Tells which failures of a call are security events, and which provider refusals are key
 * restrictions. Core knows no provider's codes: which codes mean "the key's IP allow-list or
 * permissions refused the call" is the provider client's to say ({@code
 * ApiClient.Builder#keyRestrictionCodes}); one classifier per client.
 */
public final class SecurityClassifier {
  /** Words (lower case) of a provider's stream error that mean the credentials were refused. */
  private static final List<String> AUTH_WORDS = List.of("authenticat", "unauthorized", "unauthorised", "forbidden",
      "permission denied", "invalid key", "invalid api key", "invalid api-key", "invalid apikey", "unknown key",
      "unknown api key", "invalid signature", "signature invalid", "signature mismatch", "jwt", "token expired",
      "expired token", "invalid token", "token invalid");

  private final Predicate<String> restrictionCodes;

  /**
   * A classifier for a client whose provider refuses a key for its restrictions with the codes
   * {@code restrictionCodes} accepts ({@code code -> false} for none).
   */
  public SecurityClassifier(Predicate<String> restrictionCodes) {
    this.restrictionCodes = Objects.requireNonNull(restrictionCodes, "restrictionCodes");
  }

  /** The event {@code e} stands for, if it is a security event. */
  public Optional<SecurityEvent> eventFor(TickGuardException e, Instant at, String host, String endpoint) {
    String code = e.providerCode().orElseGet(() -> e.httpStatus().map(String::valueOf).orElse(""));
    SecurityEventKind kind;
    String detail;
    if (e instanceof CertificatePinningException) {
      kind = SecurityEventKind.PIN_MISMATCH;
      detail = "the server's certificate chain matched no configured pin";
    } else if (e instanceof TlsHandshakeException) {
      kind = SecurityEventKind.TLS_FAILURE;
      detail = "the TLS handshake failed";
    } else if (e instanceof EgressException) {
      kind = SecurityEventKind.EGRESS_FAILURE;
      detail = "the configured egress failed; nothing was sent directly";
    } else if (e instanceof ClockSkewException) {
      kind = SecurityEventKind.CLOCK_SKEW;
      detail = "the provider refused the request's timestamp";
    } else if (e instanceof AuthenticationException || isKeyRestriction(e)
        || (e instanceof PermissionDeniedException && e.httpStatus().isPresent())) {
      kind = SecurityEventKind.CREDENTIAL_REJECTED;
      detail = "the provider refused the credentials";
    } else if (e instanceof RateLimitedException r && !r.clientSide()) {
      kind = r.banned() ? SecurityEventKind.IP_BANNED : SecurityEventKind.RATE_LIMITED;
      detail = r.banned() ? "the provider banned this IP for a while" : "the provider rate-limited the call";
    } else {
      return Optional.empty();
    }
    return Optional.of(SecurityEvent.of(kind, at, host, endpoint, safeCode(code), detail));
  }

  /**
   * The event {@code e} stands for when it ended or refused a stream: everything {@link #eventFor}
   * knows, plus what only streams send. A provider error message on an open stream carries no HTTP
   * status; when its code or message speaks of authentication, keys, signatures, tokens or
   * permission (Coinbase {@code "authentication failure"}, Kraken {@code EAPI:Invalid key}) it is a
   * rejected credential. The provider's text only classifies: the event's detail is TickGuard's own.
   */
  public Optional<SecurityEvent> eventForStream(TickGuardException e, Instant at, String host, String endpoint) {
    Optional<SecurityEvent> known = eventFor(e, at, host, endpoint);
    if (known.isPresent()) {
      return known;
    }
    // Only the provider's own words count: a PermissionDeniedException without them is the
    // client's scope check refusing before anything was sent, not a provider refusal.
    boolean providerRefusal = e instanceof ProviderException || e instanceof PermissionDeniedException;
    boolean refused = providerRefusal && (speaksOfCredentials(e.providerCode().orElse(""))
        || speaksOfCredentials(e.details().providerMessage().orElse("")));
    if (!refused) {
      return Optional.empty();
    }
    String code = e.providerCode().orElse("");
    return Optional.of(SecurityEvent.of(SecurityEventKind.CREDENTIAL_REJECTED, at, host, endpoint, safeCode(code),
        "the provider refused the stream's credentials"));
  }

  private static boolean speaksOfCredentials(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return AUTH_WORDS.stream().anyMatch(lower::contains);
  }

  /** Whether {@code e} is a provider refusal for the key's restrictions (IP allow-list or permissions). */
  public boolean isKeyRestriction(TickGuardException e) {
    if (e instanceof KeyRestrictedException) {
      return false; // already told
    }
    Optional<String> code = e.providerCode();
    return code.isPresent() && restrictionCodes.test(code.get());
  }

  /** A code is a short token; anything else (a provider echoing input) is not repeated. */
  private static String safeCode(String code) {
    return code.matches("[A-Za-z0-9:_. \\-]{1,64}") ? code : "";
  }
}
