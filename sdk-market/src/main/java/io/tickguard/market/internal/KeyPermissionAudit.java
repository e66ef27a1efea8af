package io.tickguard.market.internal;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.KeyPermissionReport;
import io.tickguard.core.security.OverPrivilegedKeyException;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up key permission audit: one call to the provider's key-permission endpoint, compared
 * with the scopes declared for the client. The report is kept on the client's {@link
 * SecurityMonitor}; an over-privileged key is one {@code OVER_PRIVILEGED_KEY} event (an ERROR line by
 * default) and, under {@link KeyAuditPolicy#STRICT}, an {@link OverPrivilegedKeyException}.
 */
public final class KeyPermissionAudit {
  private static final Logger LOG = LoggerFactory.getLogger("io.tickguard.security");

  private KeyPermissionAudit() {}

  /**
   * A provider's audit, ready to run on a client once it is open: the provider's name, the policy
   * chosen on the builder, and the provider's key-permission request and its decoder.
   */
  public record Check(String provider, KeyAuditPolicy policy, ApiRequest request,
      ResponseDecoder<GrantedPermissions> decoder) {
    /** {@link KeyPermissionAudit#run} of this check for {@code credentials} on {@code api}. */
    public void run(ApiClient api, ApiCredentials credentials) {
      KeyPermissionAudit.run(provider, api, credentials, policy, request, decoder);
    }
  }

  /**
   * Runs the audit for {@code credentials} on {@code api} unless {@code policy} is OFF.
   *
   * @throws OverPrivilegedKeyException under STRICT, for an over-privileged key
   * @throws TickGuardException under STRICT, the audit call's own failure
   */
  public static void run(String provider, ApiClient api, ApiCredentials credentials, KeyAuditPolicy policy,
      ApiRequest request, ResponseDecoder<GrantedPermissions> decoder) {
    if (policy == KeyAuditPolicy.OFF) {
      return;
    }
    SecurityMonitor security = api.security();
    KeyPermissionReport report;
    try {
      GrantedPermissions granted = api.execute(request, decoder);
      report = KeyPermissionReport.evaluate(provider, credentials.redactedApiKey(), api.config().clock().instant(),
          credentials.scopes(), granted.granted(), granted.ipRestricted(), granted.flags());
    } catch (TickGuardException e) {
      if (policy == KeyAuditPolicy.STRICT) {
        throw e;
      }
      report = KeyPermissionReport.unverified(provider, credentials.redactedApiKey(), api.config().clock().instant(),
          credentials.scopes(), e.getClass().getSimpleName() + e.providerCode().map(c -> " " + c).orElse(""));
      LOG.warn("{} key {}: permissions could not be read ({}); least privilege is not verified",
          provider, report.key(), report.findings().get(0).text());
    }
    security.keyPermissionReport(report);
    if (!report.overPrivileged()) {
      return;
    }
    security.onEvent(SecurityEvent.of(SecurityEventKind.OVER_PRIVILEGED_KEY, report.checkedAt(), api.config().baseUrl().host(),
        request.endpoint().name(), OverPrivilegedKeyException.CODE,
        provider + " key " + report.key() + " can do more than declared: " + report.findings().stream()
            .map(KeyPermissionReport.Finding::code).toList()));
    if (policy == KeyAuditPolicy.STRICT) {
      throw new OverPrivilegedKeyException(report);
    }
  }
}
