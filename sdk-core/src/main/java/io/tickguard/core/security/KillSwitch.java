package io.tickguard.core.security;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client's emergency stop. While engaged, every call and stream connect of the client fails with
 * {@link KillSwitchEngagedException} before any stage runs: nothing is sent, no permit is taken.
 * The {@link AnomalyDetector} engages it when its policy says so; an operator can engage it too.
 * Only {@link #reset()} releases it. Thread-safe.
 */
public final class KillSwitch {
  /**
   * Why and when the switch was engaged.
   *
   * @param cause the kind of event that engaged it ({@code KILL_SWITCH_ENGAGED} for an operator)
   * @param at when
   * @param reason a short explanation, never a secret
   */
  public record Engagement(SecurityEventKind cause, Instant at, String reason) {}

  private final AtomicReference<Engagement> state = new AtomicReference<>();

  /** A released switch. */
  public KillSwitch() {}

  /** Engages the switch unless it already is; returns whether this call engaged it. */
  public boolean engage(SecurityEventKind cause, Instant at, String reason) {
    return state.compareAndSet(null, new Engagement(cause, at, reason));
  }

  /** Releases the switch: calls go out again. */
  public void reset() {
    state.set(null);
  }

  /** Whether calls are stopped. */
  public boolean engaged() {
    return state.get() != null;
  }

  /** The engagement in force, if any. */
  public Optional<Engagement> engagement() {
    return Optional.ofNullable(state.get());
  }

  /** Throws {@link KillSwitchEngagedException} when engaged. */
  public void check(String endpoint) {
    Engagement e = state.get();
    if (e != null) {
      throw new KillSwitchEngagedException(endpoint, e);
    }
  }

  @Override
  public String toString() {
    Engagement e = state.get();
    return e == null ? "KillSwitch{released}" : "KillSwitch{engaged by " + e.cause() + " at " + e.at() + "}";
  }
}
