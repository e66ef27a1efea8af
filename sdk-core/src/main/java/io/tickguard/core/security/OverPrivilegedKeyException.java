package io.tickguard.core.security;

import io.tickguard.core.PermissionDeniedException;

/**
 * {@value #CODE}: under {@link KeyAuditPolicy#STRICT} the key can do more than the client declared
 * (withdrawals on a market-data bot, no IP restriction), so the client refused to start. Nothing but
 * the permission read was sent. Create a key with only the permissions the bot needs, restricted to
 * its egress IP, or declare the extra scopes if they are really needed.
 */
public class OverPrivilegedKeyException extends PermissionDeniedException {
  /** The error code. */
  public static final String CODE = "OVER_PRIVILEGED_KEY";

  private static final long serialVersionUID = 1L;

  private final transient KeyPermissionReport report;

  /** Refuses the key of {@code report}. */
  public OverPrivilegedKeyException(KeyPermissionReport report) {
    super(CODE + ": " + report.provider() + " key " + report.key() + " is over-privileged and the key audit"
        + " policy is STRICT: " + report.findings().stream().map(KeyPermissionReport.Finding::text)
            .reduce((a, b) -> a + "; " + b).orElse(""));
    this.report = report;
  }

  /** {@value #CODE}. */
  public String code() {
    return CODE;
  }

  /** The audit's report. */
  public KeyPermissionReport report() {
    return report;
  }
}
