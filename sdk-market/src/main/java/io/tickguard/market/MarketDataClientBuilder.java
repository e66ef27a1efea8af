package io.tickguard.market;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.throttle.Throttle;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings every provider client's builder shares, with one vocabulary for all of them: where to
 * connect, which key to use, how to throttle and how strict to be about timestamps. Each provider's
 * {@code Builder} extends it and adds what only that provider has.
 *
 * <p><b>Keys.</b> {@link #credentials(ApiCredentials)} and {@link #credentials(CredentialsProvider)}
 * take the key for every provider; each provider says which {@link KeyType}s it accepts and offers
 * factories for its own kinds (a Coinbase CDP key, an Insightease API key). A key of a kind the
 * provider does not accept is refused at once with an {@link InvalidRequestException} on {@code
 * credentials} that lists the accepted kinds.
 *
 * <p><b>Connection.</b> {@link #config(ClientConfig)} sets everything (URL, TLS pins and trust
 * roots, timeouts, clock, throttle); {@link #baseUrl(String)} changes only the URL and keeps every
 * other setting of the config, pins included, whichever order the two are called in. The one rule:
 * the URL is the one of the last {@code baseUrl(...)} call, else of the config, else the provider's
 * production URL.
 *
 * <p><b>Throttle.</b> A client throttles itself with its provider's published limits unless a
 * throttle was chosen: with {@link #throttle(Throttle)} here, or with {@link
 * ClientConfig.Builder#throttle(Throttle)} in the config given. Any chosen throttle replaces the
 * preset, {@link Throttle#unlimited()} included (that is how to say "no provider preset"); when both
 * are given, the one set here wins.
 *
 * @param <B> the concrete builder, so that chained calls keep its type
 */
public abstract class MarketDataClientBuilder<B extends MarketDataClientBuilder<B>> {
  private ClientConfig config;
  private String baseUrl;
  private RequestAuthenticator authenticator = RequestAuthenticator.anonymous();
  private CredentialsProvider credentials;
  private Duration futureTolerance = TimestampValidators.DEFAULT_FUTURE_TOLERANCE;
  private Throttle throttle;
  private KeyAuditPolicy keyAudit = KeyAuditPolicy.REPORT;
  private boolean plaintextLoopback;

  /** For provider builders only. */
  protected MarketDataClientBuilder() {}

  /** The connection settings; the default is the provider's production URL with safe defaults. */
  public final B config(ClientConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.baseUrl = null;
    return self();
  }

  /**
   * Connects to {@code baseUrl} (a testnet, a sandbox) and keeps every other setting of the config
   * given before or after, TLS pins included. Refused at once when it is not an absolute http(s)
   * URL; a plain {@code http://} URL is refused when the client is built unless the config allows
   * plaintext loopback and the host is a loopback address.
   */
  public final B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    ClientConfig.builder(baseUrl); // parses now, naming baseUrl; https is checked with the config at build()
    this.baseUrl = baseUrl;
    return self();
  }

  /**
   * Allows a plain {@code http://} {@link #baseUrl(String) baseUrl} when its host is a loopback
   * address ({@code 127.0.0.1}, {@code ::1}, {@code localhost}): a local test server. Any other
   * plain-HTTP host is still refused when the client is built. Off by default.
   */
  public final B allowPlaintextLoopback(boolean allow) {
    this.plaintextLoopback = allow;
    return self();
  }

  /** Authenticates private calls with {@code credentials}; see the provider for the kinds it accepts. */
  public final B credentials(ApiCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    checkKeyType(credentials);
    this.credentials = CredentialsProvider.of(credentials);
    return self();
  }

  /**
   * Authenticates private calls with the credentials {@code provider} hands out (a {@link
   * io.tickguard.core.auth.RotatingCredentialsProvider}, a vault). Its current key is checked now;
   * every key it hands out later must be of the same kind.
   */
  public final B credentials(CredentialsProvider provider) {
    Objects.requireNonNull(provider, "credentials");
    checkKeyType(Objects.requireNonNull(provider.current(), "credentials.current()"));
    this.credentials = provider;
    return self();
  }

  /**
   * A custom authenticator, for schemes the provider's credentials do not cover; anonymous (public
   * market data only) by default. Give either this or {@code credentials(...)}, not both.
   */
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

  /**
   * What {@code build()} does about the key's real permissions, for providers that publish them
   * (Binance {@code apiRestrictions}, Coinbase {@code key_permissions}): {@link KeyAuditPolicy#REPORT}
   * by default (one call, an {@code OVER_PRIVILEGED_KEY} security event when the key can do more than
   * the declared scopes or is not IP-restricted), {@link KeyAuditPolicy#STRICT} to refuse such a key
   * with {@link io.tickguard.core.security.OverPrivilegedKeyException}, {@link KeyAuditPolicy#OFF} to
   * skip the call. Providers without such an endpoint ignore it.
   */
  public final B keyPermissionAudit(KeyAuditPolicy policy) {
    this.keyAudit = Objects.requireNonNull(policy, "keyPermissionAudit");
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

  /**
   * The configuration to build with: the one given (or a default at {@code defaultBaseUrl}), with
   * the URL of {@link #baseUrl(String)} when one was set, and every other setting unchanged.
   */
  protected final ClientConfig config(String defaultBaseUrl) {
    ClientConfig base = config != null ? config : ClientConfig.builder(defaultBaseUrl).build();
    if (baseUrl == null && !plaintextLoopback) {
      return base;
    }
    ClientConfig.Builder b = base.newBuilder();
    if (plaintextLoopback) {
      b.allowPlaintextLoopback(true);
    }
    return (baseUrl == null ? b : b.baseUrl(baseUrl)).build();
  }

  /**
   * The throttle chosen, if any: the one given here, else the config's when it chose one; empty
   * means the provider's preset applies.
   */
  protected final Optional<Throttle> chosenThrottle(ClientConfig resolved) {
    if (throttle != null) {
      return Optional.of(throttle);
    }
    return resolved.throttleChosen() ? Optional.of(resolved.throttle()) : Optional.empty();
  }

  /** The credentials given, if any. */
  protected final Optional<CredentialsProvider> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The custom authenticator given, or the anonymous one. */
  protected final RequestAuthenticator authenticator() {
    return authenticator;
  }

  /**
   * The authenticator to build with: {@code fromCredentials} applied to the credentials when some
   * were given, else the custom or anonymous authenticator.
   *
   * @throws InvalidRequestException on {@code credentials} when both credentials and a custom
   *     authenticator were given: like every misuse of a TickGuard builder, a programmer error
   *     reported as an {@link InvalidRequestException} naming the setting
   */
  protected final RequestAuthenticator resolveAuthenticator(
      Function<CredentialsProvider, RequestAuthenticator> fromCredentials) {
    if (credentials == null) {
      return authenticator;
    }
    if (authenticator != RequestAuthenticator.anonymous()) {
      throw new InvalidRequestException("credentials", "Give either credentials(...) or authenticator(...), not both");
    }
    return fromCredentials.apply(credentials);
  }

  /** The key permission audit policy. */
  protected final KeyAuditPolicy keyPermissionAudit() {
    return keyAudit;
  }

  /** The future tolerance for response timestamps. */
  protected final Duration futureTolerance() {
    return futureTolerance;
  }

  /**
   * The hook each provider uses to say which key kinds it accepts; {@code credentials(...)} refuses
   * the others before anything else happens.
   */
  protected abstract Set<KeyType> acceptedKeyTypes();

  /** The provider's name for messages ({@code Binance}). */
  protected abstract String providerName();

  /** This builder, typed as the concrete builder. */
  protected abstract B self();

  private void checkKeyType(ApiCredentials credentials) {
    Set<KeyType> accepted = acceptedKeyTypes();
    if (!accepted.contains(credentials.keyType())) {
      String kinds = accepted.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
      throw new InvalidRequestException(
          "credentials", providerName() + " accepts credentials of kind " + kinds + ", not " + credentials.keyType()
              + " (key " + credentials.redactedApiKey() + "); pass credentials of an accepted kind");
    }
  }
}
