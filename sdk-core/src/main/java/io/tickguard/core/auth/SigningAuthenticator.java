package io.tickguard.core.auth;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.time.NonceGenerator;
import io.tickguard.core.time.NonceSource;
import io.tickguard.core.time.ServerClock;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;

/**
 * The Auth and Sign stages for API-key providers: per attempt it leases the current credentials,
 * takes a fresh server-corrected timestamp and a per-key nonce, lets the {@link SignaturePlacement}
 * add them, signs with the {@link RequestSigner} and attaches key and signature. The result is
 * tagged with the {@link SignedPayload} so a rejected signature can be explained.
 *
 * <p>A provider wires it once:
 *
 * <pre>{@code
 * SigningAuthenticator.builder()
 *     .credentials(provider)                       // CredentialsProvider
 *     .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
 *     .placement(binanceRule)                      // AttachRule
 *     .serverClock(serverClock)
 *     .build();
 * }</pre>
 */
public final class SigningAuthenticator implements RequestAuthenticator {
  private final CredentialsProvider credentials;
  private final RequestSigner signer;
  private final SignaturePlacement placement;
  private final ServerClock clock;
  private final boolean microsecondNonces;
  private final Map<String, NonceGenerator> nonces = new ConcurrentHashMap<>();
  private final NonceSource nonceSource;
  private volatile CredentialId lastId;

  private SigningAuthenticator(Builder b) {
    this.credentials = Objects.requireNonNull(b.credentials, "credentials");
    this.signer = Objects.requireNonNull(b.signer, "signer");
    this.placement = Objects.requireNonNull(b.placement, "placement");
    this.clock = b.clock != null ? b.clock : ServerClock.uncorrected(Clock.systemUTC());
    this.microsecondNonces = b.microsecondNonces;
    this.nonceSource = b.nonceSource != null ? b.nonceSource : this::clockNonce;
  }

  private long clockNonce(String apiKey) {
    return nonces.computeIfAbsent(apiKey, k -> microsecondNonces
        ? NonceGenerator.micros(clock) : NonceGenerator.millis(clock)).next();
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Set<Scope> grantedScopes() {
    return credentials.current().scopes();
  }

  /** {@code key:} and the current key's redacted id. */
  @Override
  public String credentialId() {
    ApiCredentials current = credentials.current();
    CredentialId last = lastId;
    if (last == null || last.credentials() != current) {
      // Built once per key, not per attempt: the Observe stage asks for it on every attempt.
      last = new CredentialId(current, "key:" + current.redactedApiKey());
      lastId = last;
    }
    return last.id();
  }

  /** The id last computed, for the credentials it was computed from. */
  private record CredentialId(ApiCredentials credentials, String id) {}

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) throws IOException {
    switch (apiRequest.endpoint().authMode()) {
      case NONE:
        return request;
      case API_KEY:
        try (CredentialsLease lease = credentials.acquire()) {
          return placement.attachKey(request, lease.credentials());
        }
      case SIGNED:
      case BEARER:
        return sign(request);
      default:
        throw new AuthenticationException("Unsupported auth mode " + apiRequest.endpoint().authMode());
    }
  }

  /**
   * Signs {@code request} for one attempt (exposed for provider tests). It reads the clock as it is
   * and makes no call of its own: keeping the clock fresh is the pipeline's job, before the attempt
   * (give the same clock to {@code ApiClient.Builder.serverClock}).
   */
  public Request sign(Request request) throws IOException {
    try (CredentialsLease lease = credentials.acquire()) {
      ApiCredentials current = lease.credentials();
      Instant now = clock.instant();
      long nonce = nonceSource.next(current.apiKey());
      Freshness freshness = new Freshness(now, placement.formatTimestamp(now), nonce);
      return placement.sign(request, current, freshness, signer);
    }
  }

  /** Builds a {@link SigningAuthenticator}. */
  public static final class Builder {
    private CredentialsProvider credentials;
    private RequestSigner signer;
    private SignaturePlacement placement;
    private ServerClock clock;
    private boolean microsecondNonces;
    private NonceSource nonceSource;

    private Builder() {}

    /** Fixed credentials. */
    public Builder credentials(ApiCredentials credentials) {
      return credentials(CredentialsProvider.of(credentials));
    }

    /** Credentials from a provider, such as a {@link RotatingCredentialsProvider}. */
    public Builder credentials(CredentialsProvider provider) {
      this.credentials = provider;
      return this;
    }

    /** The signature scheme, usually one of {@link Signers}. */
    public Builder signer(RequestSigner signer) {
      this.signer = signer;
      return this;
    }

    /** Where key, timestamp, nonce and signature go, usually an {@link AttachRule}. */
    public Builder placement(SignaturePlacement placement) {
      this.placement = placement;
      return this;
    }

    /** The server-corrected clock timestamps and nonces come from (default: uncorrected UTC). */
    public Builder serverClock(ServerClock clock) {
      this.clock = clock;
      return this;
    }

    /** Microsecond nonces instead of milliseconds. */
    public Builder microsecondNonces(boolean micros) {
      this.microsecondNonces = micros;
      return this;
    }

    /**
     * Where nonces come from (default: milliseconds, or microseconds, of the signing clock, strictly
     * increasing per key).
     */
    public Builder nonceSource(NonceSource source) {
      this.nonceSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the authenticator, with the signer {@link RequestSigner#prepare prepared} for the
     * credentials current now: a key the signer cannot use is refused here, before any request.
     *
     * @throws io.tickguard.core.ConfigurationException on {@code credentials} for such a key
     */
    public SigningAuthenticator build() {
      SigningAuthenticator built = new SigningAuthenticator(this);
      built.signer.prepare(built.credentials.current());
      return built;
    }
  }
}
