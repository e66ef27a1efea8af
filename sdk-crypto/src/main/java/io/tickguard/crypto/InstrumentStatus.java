package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;

/**
 * Whether an instrument trades. The provider's own word is kept in {@link #raw()}; a word TickGuard
 * does not map becomes {@link Kind#UNKNOWN} instead of a guess.
 *
 * @param kind the unified state
 * @param raw the provider's value, such as {@code TRADING} or {@code online}
 */
public record InstrumentStatus(Kind kind, String raw) {

  /** The unified states. */
  public enum Kind {
    /** Open for trading. */
    TRADING,
    /** Only cancelling, or only post-only/limit orders, are accepted. */
    RESTRICTED,
    /** Temporarily halted, in auction or in a break. */
    HALTED,
    /** Not (or no longer) listed. */
    DELISTED,
    /** A value TickGuard does not map; see {@link InstrumentStatus#raw()}. */
    UNKNOWN
  }

  /** Validates both parts. */
  public InstrumentStatus {
    Checks.present(kind, "status");
    Checks.present(raw, "status");
  }

  /** Whether new orders can be placed. */
  public boolean isTrading() {
    return kind == Kind.TRADING;
  }
}
