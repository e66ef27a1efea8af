/**
 * Security monitoring of a client: typed {@link io.tickguard.core.security.SecurityEvent}s, the
 * {@link io.tickguard.core.security.AnomalyDetector} and its per-client {@link
 * io.tickguard.core.security.KillSwitch}, usage monitoring ({@link
 * io.tickguard.core.security.UsageSnapshot}), fixed egress for IP allow-listed keys ({@link
 * io.tickguard.core.security.Egress}) and the key permission audit ({@link
 * io.tickguard.core.security.KeyPermissionReport}). See docs/security.md.
 */
package io.tickguard.core.security;
