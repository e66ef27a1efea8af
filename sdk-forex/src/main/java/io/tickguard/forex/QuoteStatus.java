package io.tickguard.forex;

/** Whether a quote's prices can be dealt on, as the provider reported. */
public enum QuoteStatus {
  /** The provider would deal at these prices (OANDA {@code tradeable: true}). */
  TRADEABLE,
  /**
   * Indicative only: the market is closed or halted, or the provider is a data feed that never deals
   * (Insightease). Never trade on an indicative quote as if it were firm.
   */
  INDICATIVE
}
