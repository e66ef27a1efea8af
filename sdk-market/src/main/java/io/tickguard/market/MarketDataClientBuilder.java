package io.tickguard.market;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.throttle.Throttle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings every provider client's builder shares: where to connect, how to authenticate, how
 * to throttle and how strict to be about timestamps. Each provider's {@code Builder} extends it and
 * adds what only that provider has.
 *
 * <p>Unless told otherwise a client throttles itself with its provider's published limits (see
 * {@link io.tickguard.core.throttle.LimitPresets}): a throttle set here, or a non-default one in the
 * {@link ClientConfig}, replaces that preset.
 *
 * @param <B> the concrete builder, so that chained calls keep its type
 */
public abstract class MarketDataClientBuilder<B extends MarketDataClientBuilder<B>> {
  private ClientConfig config;
  private RequestAuthenticator authenticator = RequestAuthenticator.anonymous();
  private Duration futureTolerance = TimestampValidators.DEFAULT_FUTURE_TOLERANCE;
  private Throttle throttle;

  /** For provider builders only. */
  protected MarketDataClientBuilder() {}

  /** The connection settings; the default is the provider's production URL with safe defaults. */
  public final B config(ClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    return self();
  }

  /** Shorthand for a default configuration at {@code baseUrl} (a testnet, a sandbox). */
  public final B baseUrl(String baseUrl) {
    return config(ClientConfig.builder(baseUrl).build());
  }

  /** Authenticates private calls; anonymous (public market data only) by default. */
  public final B authenticator(RequestAuthenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    return self();
  }

  /**
   * The client-side rate limiter; by default one built from the provider's published limits. Pass
   * {@link Throttle#unlimited()} only when something else already limits this process.
   */
  public final B throttle(Throttle throttle) {
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    return self();
  }

  /** How far in the future a response timestamp may be before it is refused. */
  public final B futureTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new InvalidRequestException("futureTolerance", "futureTolerance must not be negative, was " + tolerance);
    }
    this.futureTolerance = tolerance;
    return self();
  }

  /** The configuration given, if any. */
  protected final Optional<ClientConfig> config() {
    return Optional.ofNullable(config);
  }

  /** The authenticator given, or the anonymous one. */
  protected final RequestAuthenticator authenticator() {
    return authenticator;
  }

  /** The throttle given with {@link #throttle(Throttle)}, if any. */
  protected final Optional<Throttle> throttle() {
    return Optional.ofNullable(throttle);
  }

  /** The future tolerance for response timestamps. */
  protected final Duration futureTolerance() {
    return futureTolerance;
  }

  /** This builder, typed as the concrete builder. */
  protected abstract B self();
}
