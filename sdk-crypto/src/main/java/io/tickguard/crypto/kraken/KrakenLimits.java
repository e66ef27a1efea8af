package io.tickguard.crypto.kraken;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Kraken's published Spot REST limits, the default throttle of {@link KrakenClient}. */
public final class KrakenLimits {
  private KrakenLimits() {}

  /**
   * Kraken Spot REST for {@code tier}: the private {@code API_COUNTER} (+1 per call, +2 for
   * ledger/trade history: set that as the endpoint's weight) under the tier's maximum, decaying at
   * the tier's rate; and {@code PUBLIC} market data at 1 call per second per IP. AddOrder/CancelOrder
   * count against the matching engine's per-pair limiter instead, which is not modelled here.
   *
   * <p>Sources: <a href="https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits">Spot REST
   * Rate Limits</a>, <a
   * href="https://support.kraken.com/articles/206548367-what-are-the-api-rate-limits-">What are the
   * API rate limits?</a> (public: "a frequency of 1 per second (or less) would remain within the
   * rate limits").
   */
  public static LimitPreset spot(KrakenTier tier) {
    Objects.requireNonNull(tier, "tier");
    return new LimitPreset(
        "kraken-spot-" + tier.name().toLowerCase(java.util.Locale.ROOT),
        List.of(
            RateLimit.decayingCounter("API_COUNTER", tier.maxCounter(), tier.decayPerSecond()),
            RateLimit.fixedWindow("PUBLIC", 1, Duration.ofSeconds(1)).countingRequests()),
        List.of(),
        "https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits");
  }}
