/**
 * Saxo OpenAPI in the sandbox, written from Saxo's developer documentation and sample repositories:
 * the PKCE login and rotating refresh tokens (through the sandbox's {@link
 * io.tickguard.testkit.OAuthServer}), InfoPrices, chart data and instrument search with Saxo's error
 * bodies and rate-limit headers, and the plain WebSocket streaming service with Saxo's binary frames
 * and control messages.
 */
package io.tickguard.testkit.saxo;
