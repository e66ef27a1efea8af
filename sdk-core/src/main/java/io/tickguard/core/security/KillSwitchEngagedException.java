package io.tickguard.core.security;

import io.tickguard.core.TickGuardException;

/**
 * The client's {@link KillSwitch} is engaged: the call was refused before anything was sent. Find
 * out why (the security log, {@link #engagement()}), fix it (rotate the key, check the pins), then
 * call {@link KillSwitch#reset()}.
 */
public class KillSwitchEngagedException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final transient KillSwitch.Engagement engagement;

  /** Refuses a call to {@code endpoint} because of {@code engagement}. */
  public KillSwitchEngagedException(String endpoint, KillSwitch.Engagement engagement) {
    super("Refusing " + endpoint + ": the client's kill switch was engaged at " + engagement.at() + " by "
        + engagement.cause() + " (" + engagement.reason() + "); nothing was sent. Investigate, then call"
        + " killSwitch().reset()");
    this.engagement = engagement;
  }

  /** Why and when the switch was engaged. */
  public KillSwitch.Engagement engagement() {
    return engagement;
  }
}
