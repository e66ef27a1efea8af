package io.tickguard.crypto.kraken;

/**
 * Kraken verification tiers, which set the REST call counter's maximum and decay ({@link
 * KrakenLimits#spot(KrakenTier)}).
 */
public enum KrakenTier {
  /** Max counter 15, decay 0.33 per second. */
  STARTER(15, 0.33),
  /** Max counter 20, decay 0.5 per second. */
  INTERMEDIATE(20, 0.5),
  /** Max counter 20, decay 1 per second. */
  PRO(20, 1.0);

  private final long maxCounter;
  private final double decayPerSecond;

  KrakenTier(long maxCounter, double decayPerSecond) {
    this.maxCounter = maxCounter;
    this.decayPerSecond = decayPerSecond;
  }

  /** The call counter's maximum. */
  public long maxCounter() {
    return maxCounter;
  }

  /** How much the counter drops per second. */
  public double decayPerSecond() {
    return decayPerSecond;
  }
}
