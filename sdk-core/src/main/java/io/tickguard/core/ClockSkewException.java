package io.tickguard.core;

/**
 * The provider refused a signed request because its timestamp or nonce fell outside the provider's
 * window (Binance {@code -1021}, Kraken {@code EAPI:Invalid nonce}). The provider did not act on the
 * request, so repeating it with a fresh timestamp is safe even for a write.
 *
 * <p>A client built with {@link ApiClient.Builder#serverClock} resynchronises its clock and retries
 * such a call once by itself; this exception reaches the caller only when the retry fails too,
 * which points at a local clock that jumps or a {@code recvWindow} that is too small.
 */
public class ClockSkewException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  public ClockSkewException(String message, ErrorDetails details) {
    super(message, details);
  }

  public ClockSkewException(String message, ErrorDetails details, String signedPayload, Throwable cause) {
    super(message, details, signedPayload, cause);
  }

  @Override
  public ClockSkewException withSignedPayload(String algorithm, String canonical) {
    return new ClockSkewException(explained(algorithm, canonical), details(), canonical, getCause());
  }
}
