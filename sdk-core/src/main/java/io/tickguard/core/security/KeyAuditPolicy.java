package io.tickguard.core.security;

/** What a provider client does with the key permission audit it runs when built. */
public enum KeyAuditPolicy {
  /** No audit call is made. */
  OFF,
  /**
   * The default: read the key's permissions once, report an over-privileged key as an {@link
   * SecurityEventKind#OVER_PRIVILEGED_KEY} event (an ERROR log line by default) and carry on; a key
   * whose permissions cannot be read is reported UNVERIFIED in a WARN line.
   */
  REPORT,
  /**
   * Least privilege required: an over-privileged key fails {@code build()} with {@link
   * OverPrivilegedKeyException} ({@value OverPrivilegedKeyException#CODE}) before any other call,
   * and so does a key whose permissions cannot be read (with the audit call's own exception).
   */
  STRICT
}
