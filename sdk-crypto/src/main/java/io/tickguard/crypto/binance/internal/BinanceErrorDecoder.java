package io.tickguard.crypto.binance.internal;

import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;

/**
 * Binance error bodies ({@code {"code":-1121,"msg":"Invalid symbol."}}) to TickGuard exceptions.
 * The codes that call for a specific reaction get their own type; the rest map by HTTP status:
 * {@code -1021} (timestamp outside {@code recvWindow}) is a {@link ClockSkewException}, which
 * {@link io.tickguard.core.ApiClient} answers with a clock resync and one retry; {@code -1022}
 * (signature), {@code -2014} and {@code -2015} (key, IP or permission) are {@link
 * AuthenticationException}s; {@code -1003} and HTTP 429/418 are {@link RateLimitedException}s with
 * the server's {@code Retry-After}; {@code -1121} is an {@link InvalidRequestException} on {@code
 * symbol}.
 */
public final class BinanceErrorDecoder implements ErrorDecoder {
  /** The shared instance. */
  public static final BinanceErrorDecoder INSTANCE = new BinanceErrorDecoder();

  private BinanceErrorDecoder() {}

  /**
   * Whether Binance's {@code code} means the key's restrictions refused the call: {@code -2014}
   * (API-key format invalid) and {@code -2015} ("Invalid API-key, IP, or permissions for action";
   * Binance does not say which). The client registers it with {@code
   * ApiClient.Builder#keyRestrictionCodes}, so such a refusal names the client's egress.
   */
  public static boolean isKeyRestriction(String code) {
    return "-2014".equals(code) || "-2015".equals(code);
  }

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    ErrorDetails full = ErrorDecoder.withGenericProviderError(response, details);
    String code = full.providerCode().orElse("");
    String endpoint = response.request().endpoint().name();
    String summary = full.summary();
    switch (code) {
      case "-1021":
        // Not acted on by Binance: a client with a server clock resyncs and retries once.
        return new ClockSkewException(
            "Binance refused the timestamp of " + endpoint + " (" + summary + "): this machine's clock"
                + " is off from Binance's, or recvWindow is too small; sync the clock (NTP), or sign with"
                + " a key given to BinanceClient.Builder so timestamps follow Binance's clock", full);
      case "-1022":
        return new AuthenticationException(
            "Binance refused the signature of " + endpoint + " (" + summary + "): check the secret key"
                + " and that the signed payload is exactly the query string sent", full);
      case "-2014":
      case "-2015":
        return new AuthenticationException(
            "Binance refused the API key for " + endpoint + " (" + summary + "): check the key, its"
                + " permissions and the IP allowlist", full);
      case "-1003":
        if (response.status() == 429 || response.status() == 418) {
          return ErrorDecoder.forStatus(response, full); // reads Retry-After
        }
        return new RateLimitedException(
            "Binance rate-limited " + endpoint + " (" + summary + "); back off before calling again",
            full, BinanceEndpoints.REQUEST_WEIGHT, null, false, response.status() == 418);
      case "-1121":
        return new InvalidRequestException("symbol", "Binance does not know the symbol of " + endpoint + " (" + summary + ")", full);
      default:
        return ErrorDecoder.forStatus(response, full);
    }
  }
}
