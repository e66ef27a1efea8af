package io.tickguard.core.security;

import io.tickguard.core.auth.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a key permission audit: what the provider says the key may do, what the client
 * declared it needs ({@code ApiCredentials.withScopes}), and every way the key exceeds that.
 *
 * @param provider the provider ({@code Binance})
 * @param key the redacted key id
 * @param checkedAt when the audit ran
 * @param status the verdict
 * @param declared the scopes declared for the client
 * @param granted the scopes the provider grants the key (empty when unverified)
 * @param ipRestricted whether the provider restricts the key to an IP allow-list; empty when the
 *     provider does not say
 * @param findings each excess, in words (empty for a least-privilege key)
 * @param rawPermissions the provider's permission flags as reported ({@code enableWithdrawals=true})
 */
public record KeyPermissionReport(
    String provider, String key, Instant checkedAt, Status status, Set<Scope> declared, Set<Scope> granted,
    Optional<Boolean> ipRestricted, List<Finding> findings, List<String> rawPermissions) {

  /** The verdict. */
  public enum Status {
    /** The key can do nothing beyond the declared scopes. */
    LEAST_PRIVILEGE,
    /** The key can do more than declared (see the findings). */
    OVER_PRIVILEGED,
    /** The permissions could not be read (see the findings). */
    UNVERIFIED
  }

  /**
   * One way the key exceeds the declaration.
   *
   * @param code {@code SCOPE_NOT_DECLARED}, {@code NO_IP_RESTRICTION} or {@code AUDIT_FAILED}
   * @param scope the excess scope, for {@code SCOPE_NOT_DECLARED}
   * @param text what it means and what to do
   */
  public record Finding(String code, Optional<Scope> scope, String text) {
    /** Checks that no part is {@code null}. */
    public Finding {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Copies the collections. */
  public KeyPermissionReport {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(status, "status");
    declared = copy(declared);
    granted = copy(granted);
    Objects.requireNonNull(ipRestricted, "ipRestricted");
    findings = List.copyOf(findings);
    rawPermissions = List.copyOf(rawPermissions);
  }

  /**
   * Compares {@code granted} with {@code declared}: every granted scope not declared is a finding, and
   * so is a key the provider reports as not IP-restricted.
   */
  public static KeyPermissionReport evaluate(
      String provider, String key, Instant at, Set<Scope> declared, Set<Scope> granted,
      Optional<Boolean> ipRestricted, List<String> rawPermissions) {
    List<Finding> findings = new java.util.ArrayList<>();
    for (Scope s : Scope.values()) {
      if (granted.contains(s) && !declared.contains(s)) {
        findings.add(new Finding("SCOPE_NOT_DECLARED", Optional.of(s), provider + " grants this key " + s
            + " but the client declared only " + copy(declared) + ": remove " + s + " from the key, or declare it"
            + " with ApiCredentials.withScopes(...) if the bot really needs it"));
      }
    }
    if (ipRestricted.isPresent() && !ipRestricted.get()) {
      findings.add(new Finding("NO_IP_RESTRICTION", Optional.empty(), provider + " accepts this key from any IP"
          + " address: restrict it to the bot's egress address (see Egress) in the provider's key settings"));
    }
    Status status = findings.isEmpty() ? Status.LEAST_PRIVILEGE : Status.OVER_PRIVILEGED;
    return new KeyPermissionReport(provider, key, at, status, declared, granted, ipRestricted, findings, rawPermissions);
  }

  /** A report for a key whose permissions could not be read; {@code why} names the failure. */
  public static KeyPermissionReport unverified(String provider, String key, Instant at, Set<Scope> declared, String why) {
    return new KeyPermissionReport(provider, key, at, Status.UNVERIFIED, declared, Set.of(), Optional.empty(),
        List.of(new Finding("AUDIT_FAILED", Optional.empty(), "The key permission audit failed (" + why
            + "); the key's privileges are unknown")), List.of());
  }

  /** Whether the key exceeds the declaration. */
  public boolean overPrivileged() {
    return status == Status.OVER_PRIVILEGED;
  }

  /** A multi-line text for {@code doctor} and logs; never a secret. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(provider).append(" key ").append(key).append(": ").append(status).append('\n');
    s.append("  declared scopes: ").append(declared).append('\n');
    s.append("  granted scopes:  ").append(status == Status.UNVERIFIED ? "unknown" : granted.toString()).append('\n');
    s.append("  IP restricted:   ").append(ipRestricted.map(String::valueOf).orElse("not reported")).append('\n');
    if (!rawPermissions.isEmpty()) {
      s.append("  provider flags:  ").append(String.join(", ", rawPermissions)).append('\n');
    }
    for (Finding f : findings) {
      s.append("  ! ").append(f.code()).append(": ").append(f.text()).append('\n');
    }
    return s.toString();
  }

  private static Set<Scope> copy(Set<Scope> scopes) {
    return scopes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(scopes));
  }
}
