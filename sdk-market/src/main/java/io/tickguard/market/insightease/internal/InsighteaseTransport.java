package io.tickguard.market.insightease.internal;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.market.insightease.InsighteaseLimits;
import io.tickguard.market.internal.ClientCore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An Insightease client's opened transport, the same for crypto and forex: the key attached as
 * {@code api_key}, the envelope decoding errors (and scrubbing the key from them), the credit preset.
 *
 * @param core the guarded transport
 * @param envelope the envelope decoder, which knows the key to scrub
 */
public record InsighteaseTransport(ClientCore core, InsighteaseEnvelope envelope) {

  /**
   * Opens it.
   *
   * @param provider short name for thread names ({@code insightease})
   * @param config the resolved configuration
   * @param chosen the throttle the caller chose, if any; else the credits preset of {@code monthlyCredits}
   * @param futureTolerance how far in the future a response timestamp may be
   * @param monthlyCredits the plan's monthly credits, for the default throttle
   * @param credentials the key, if given
   * @param resolve the builder's {@code resolveAuthenticator}: the key's authenticator or a custom one
   * @param howToGiveKey the fix a keyless call names: Insightease needs a key for every call, so a
   *     client without one is refused in the Guard, before a credit is spent or a connection opened
   */
  public static InsighteaseTransport open(
      String provider,
      ClientConfig config,
      Optional<Throttle> chosen,
      Duration futureTolerance,
      long monthlyCredits,
      Optional<CredentialsProvider> credentials,
      Function<Function<CredentialsProvider, RequestAuthenticator>, RequestAuthenticator> resolve,
      String howToGiveKey) {
    InsighteaseKeyAuthenticator key = credentials.map(InsighteaseKeyAuthenticator::new).orElse(null);
    RequestAuthenticator resolved = resolve.apply(c -> key);
    RequestAuthenticator auth = resolved != RequestAuthenticator.anonymous() ? resolved
        : RequestAuthenticator.missingKey(howToGiveKey);
    InsighteaseEnvelope envelope = new InsighteaseEnvelope(key != null ? List.of(key.apiKey()) : List.of());
    ClientCore core = ClientCore.open(
        provider, config, chosen, InsighteaseLimits.credits(monthlyCredits), futureTolerance,
        api -> api.authenticator(auth).errorDecoder(envelope));
    return new InsighteaseTransport(core, envelope);
  }
}
