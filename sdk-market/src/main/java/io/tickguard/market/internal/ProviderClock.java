package io.tickguard.market.internal;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.time.TimeSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A provider's clock for signing, sampled from its server-time endpoint through the client's own
 * pipeline (pinned and throttled like every call). The client does not exist yet when its signer
 * needs the clock, so the clock calls through a reference that {@link #bind} fills once it does.
 */
public final class ProviderClock {
  /** Samples per synchronisation; the median resists one slow round trip. */
  static final int SAMPLES_PER_SYNC = 3;

  private final AtomicReference<ApiClient> api = new AtomicReference<>();
  private final ServerClock clock;

  /** A clock that samples {@code time} (decoded by {@code decoder}) once {@link #bind} is called. */
  public ProviderClock(Clock local, Endpoint time, ResponseDecoder<Instant> decoder) {
    this.clock = ServerClock.builder(local)
        .samplesPerSync(SAMPLES_PER_SYNC)
        .sampler(() -> {
          ApiClient client = api.get();
          if (client == null) {
            throw new IllegalStateException("ProviderClock sampled before its client was bound");
          }
          // Not validated against the local clock: measuring the difference is the point.
          Instant sent = local.instant();
          Instant server = client.execute(time.request().build(), decoder);
          return new TimeSample(sent, server, local.instant());
        })
        .build();
  }

  /** The server-corrected clock to sign with. */
  public ServerClock clock() {
    return clock;
  }

  /** Samples through {@code client} from now on. */
  public void bind(ApiClient client) {
    api.set(client);
  }

  /**
   * Opens the transport of a client whose signer takes its time from this clock (the sequence
   * Binance and Coinbase share): {@link ClientCore#open} with the provider's {@code wiring}. When
   * {@code credentials} are given the client signs: this clock is also the pipeline's server clock
   * (its {@code Date} samples and the resync on a rejected timestamp), it is bound to the opened
   * client so that it samples through the same pinned, throttled pipeline, and then {@code audit}
   * runs for the current key; an audit that fails closes the opened client before its exception is
   * thrown. A client without credentials never samples (its clock stays unbound) and is not audited.
   */
  public ClientCore open(
      Optional<CredentialsProvider> credentials,
      String provider,
      ClientConfig config,
      Optional<Throttle> chosen,
      LimitPreset preset,
      Duration futureTolerance,
      Function<ApiClient.Builder, ApiClient.Builder> wiring,
      KeyPermissionAudit.Check audit) {
    ClientCore core = open(credentials.isPresent(), provider, config, chosen, preset, futureTolerance, wiring);
    if (credentials.isEmpty()) {
      return core;
    }
    try {
      audit.run(core.api(), credentials.get().current());
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
    return core;
  }

  /** The clock once it is bound to a signing client; empty for a client without credentials. */
  public Optional<ServerClock> bound() {
    return api.get() == null ? Optional.empty() : Optional.of(clock);
  }

  /** {@link #open(Optional, String, ClientConfig, Optional, LimitPreset, Duration, Function, KeyPermissionAudit.Check)} without the audit. */
  ClientCore open(
      boolean signing,
      String provider,
      ClientConfig config,
      Optional<Throttle> chosen,
      LimitPreset preset,
      Duration futureTolerance,
      Function<ApiClient.Builder, ApiClient.Builder> wiring) {
    ClientCore core = ClientCore.open(provider, config, chosen, preset, futureTolerance,
        api -> signing ? wiring.apply(api).serverClock(clock) : wiring.apply(api));
    if (signing) {
      bind(core.api());
    }
    return core;
  }
}
