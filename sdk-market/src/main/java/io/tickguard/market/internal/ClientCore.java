package io.tickguard.market.internal;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.market.TimestampValidators;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
  private final Set<String> limitGroups;

  private ClientCore(ApiClient api, TimestampValidators timestamps, ExecutorService async, Set<String> limitGroups) {
    this.api = api;
    this.timestamps = timestamps;
    this.async = async;
    this.limitGroups = limitGroups;
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
    Set<String> groups = new TreeSet<>();
    preset.limits().stream().map(RateLimit::group).forEach(groups::add);
    return new ClientCore(api, TimestampValidators.of(throttled.clock(), futureTolerance),
        DaemonExecutor.create(provider), Set.copyOf(groups));
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

  /**
   * Runs a request to an endpoint the client does not wrap through its whole pipeline (guard,
   * throttle with the endpoint's weight, resilience, authentication and signing, decode). The
   * endpoint must count against at least one of the provider's limit groups, so that the throttle
   * charges it; otherwise it is refused before anything is sent.
   *
   * @param provider the provider's name, for the message
   */
  public <T> T call(String provider, ApiRequest request, ResponseDecoder<T> decoder) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decoder, "decoder");
    if (request.endpoint().limits().stream().noneMatch(limitGroups::contains)) {
      throw new InvalidRequestException("limits", "Endpoint '" + request.endpoint().name() + "' counts against none"
          + " of " + provider + "'s limit groups " + limitGroups + ", so the throttle would not charge it:"
          + " declare the ones the provider documents with Endpoint.Builder.limits(...)");
    }
    return api.execute(request, decoder);
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
