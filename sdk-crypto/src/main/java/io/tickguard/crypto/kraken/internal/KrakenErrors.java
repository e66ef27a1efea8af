package io.tickguard.crypto.kraken.internal;

import io.tickguard.crypto.kraken.KrakenServiceUnavailableException;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import java.util.List;

/**
 * Kraken's {@code error} strings ({@code "<severity><category>:<message>"}, such as {@code
 * "EAPI:Invalid nonce"}) to TickGuard exceptions. Strings starting with {@code W} are warnings and
 * never fail a call.
 */
public final class KrakenErrors {
  /** Kraken's refusal for a key that lacks the permission, or is used from an address not on its list. */
  private static final String PERMISSION_DENIED = "EGeneral:Permission denied";

  private KrakenErrors() {}

  /**
   * Whether Kraken's {@code error} means the key's restrictions (its permissions or IP allow-list)
   * refused the call. The client registers it with {@code ApiClient.Builder#keyRestrictionCodes}, so
   * such a refusal names the client's egress.
   */
  public static boolean isKeyRestriction(String error) {
    return error.startsWith(PERMISSION_DENIED);
  }

  /** The first error (not warning) of {@code messages}, if any. */
  public static String firstError(List<String> messages) {
    for (String m : messages) {
      if (m.startsWith("E")) {
        return m;
      }
    }
    return null;
  }

  /** The exception for {@code error}, reported by {@code response}. */
  public static TickGuardException toException(String error, ApiResponse response, ErrorDetails status) {
    String endpoint = response.request().endpoint().name();
    ErrorDetails details = status.withProviderError(error, null);
    String prefix = "Kraken refused " + endpoint + " (" + error + ")";
    if (error.startsWith("EAPI:Invalid key") || error.startsWith("EAPI:Invalid signature")
        || error.startsWith("EAPI:Bad request")) {
      return new AuthenticationException(prefix + ": check the API key and secret", details);
    }
    if (error.startsWith("EAPI:Invalid nonce")) {
      return new AuthenticationException(
          prefix + ": nonces must increase per key; do not share a key between processes", details);
    }
    if (error.startsWith("EAPI:Rate limit exceeded") || error.startsWith("EGeneral:Too many requests")
        || error.startsWith("EOrder:Rate limit exceeded")) {
      return new RateLimitedException(prefix + "; back off before calling again", details,
          response.request().endpoint().limits().stream().findFirst().orElse("kraken"), null, false, false);
    }
    if (error.startsWith("EGeneral:Temporary lockout")) {
      return new RateLimitedException(prefix + "; the key or IP is locked out for a while, stop calling", details,
          response.request().endpoint().limits().stream().findFirst().orElse("kraken"), null, false, true);
    }
    if (error.startsWith("EService:Unavailable") || error.startsWith("EService:Busy")
        || error.startsWith("EService:Deadline elapsed")) {
      return new KrakenServiceUnavailableException(prefix + "; the request may be fine, retry after a pause", details);
    }
    if (isKeyRestriction(error)) {
      return new PermissionDeniedException(prefix + ": the key lacks the permission", details);
    }
    if (error.startsWith("EQuery:Unknown asset pair")) {
      return new InvalidRequestException("pair", prefix, details);
    }
    if (error.startsWith("EGeneral:Invalid arguments")) {
      return new InvalidRequestException("request", prefix, details);
    }
    return new ProviderException(prefix, details);
  }
}
