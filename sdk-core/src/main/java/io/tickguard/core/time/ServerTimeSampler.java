package io.tickguard.core.time;

import java.io.IOException;

/**
 * Takes one {@link TimeSample} from a provider, usually by calling its server-time endpoint
 * (Binance {@code GET /api/v3/time}, Kraken {@code GET /0/public/Time}). Provider clients implement
 * it; {@link ServerClock} calls it when it needs to resynchronise.
 */
@FunctionalInterface
public interface ServerTimeSampler {

  /** Measures the server's clock once. */
  TimeSample sample() throws IOException;
}
