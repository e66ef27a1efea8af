package io.tickguard.core.throttle;

import java.util.List;
import java.util.Objects;

/**
 * A provider's documented limits for one account tier, with the headers through which it reports
 * usage. Provider modules ship the ready-made ones (for example {@code BinanceLimits.spot()}, {@code InsighteaseLimits.credits(long)}).
 *
 * @param name a short name for logs, such as {@code binance-spot}
 * @param limits the limit windows
 * @param usageHeaders the headers that report usage of those windows
 * @param source where the numbers were taken from
 */
public record LimitPreset(String name, List<RateLimit> limits, List<UsageHeader> usageHeaders, String source) {

  /** Copies the lists; every part is required. */
  public LimitPreset {
    Objects.requireNonNull(name, "name");
    limits = List.copyOf(limits);
    usageHeaders = List.copyOf(usageHeaders);
    Objects.requireNonNull(source, "source");
    if (limits.isEmpty()) {
      throw new IllegalArgumentException("preset " + name + " has no limits");
    }
  }
}
