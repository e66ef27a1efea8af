package io.tickguard.market.internal;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.market.TimestampValidators;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What every provider client owns: the guarded {@link ApiClient}, the timestamp checks bound to the
 * configured clock, and the daemon pool its {@code ...Async} calls run on. Closing it releases all
 * three.
 */
public final class ClientCore implements AutoCloseable {
  private final ApiClient api;
  private final TimestampValidators timestamps;
  private final ExecutorService async;

  private ClientCore(ApiClient api, TimestampValidators timestamps, ExecutorService async) {
    this.api = api;
    this.timestamps = timestamps;
    this.async = async;
  }

  /**
   * Opens the transport of one provider client.
   *
   * @param provider short name for thread names ({@code binance})
   * @param config the resolved configuration (see {@code MarketDataClientBuilder#config(String)})
   * @param chosen the throttle the caller chose, if any (see {@code
   *     MarketDataClientBuilder#chosenThrottle})
   * @param preset the provider's published limits, used unless the caller chose a throttle
   * @param wiring adds the provider's authenticator, error decoder and clock to the builder
   */
  public static ClientCore open(
      String provider,
      ClientConfig config,
      Optional<Throttle> chosen,
      LimitPreset preset,
      Duration futureTolerance,
      Function<ApiClient.Builder, ApiClient.Builder> wiring) {
    ClientConfig throttled = withThrottle(config, chosen, preset);
    ApiClient api = wiring.apply(ApiClient.builder(throttled)).build();
    return new ClientCore(api, TimestampValidators.of(throttled.clock(), futureTolerance), DaemonExecutor.create(provider));
  }

  /**
   * A chosen throttle wins, {@link Throttle#unlimited()} included; with none chosen the provider
   * preset applies, so that a default client never exceeds the published limits.
   */
  static ClientConfig withThrottle(ClientConfig config, Optional<Throttle> chosen, LimitPreset preset) {
    if (chosen.isPresent()) {
      return chosen.get() == config.throttle() ? config : config.newBuilder().throttle(chosen.get()).build();
    }
    return config.newBuilder().throttle(InProcessThrottle.builder(preset).clock(config.clock()).build()).build();
  }

  /** The guarded transport. */
  public ApiClient api() {
    return api;
  }

  /** The time checks bound to the configured clock; domain validators build on them. */
  public TimestampValidators timestamps() {
    return timestamps;
  }

  /** The pool {@code ...Async} calls run on. */
  public ExecutorService async() {
    return async;
  }

  @Override
  public void close() {
    async.shutdown();
    api.close();
  }
}
