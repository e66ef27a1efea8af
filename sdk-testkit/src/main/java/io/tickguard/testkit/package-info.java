/**
 * TickGuard's sandbox: a strict local provider ({@link io.tickguard.testkit.SandboxServer}) with
 * TLS, provider wire formats, authentication, rate limits, OAuth 2.0 and fault injection, plus the
 * shared pieces provider routes are built from.
 */
package io.tickguard.testkit;
