/**
 * TLS settings: protocol versions, certificate pinning, trust roots and client certificates.
 *
 * <p>{@link io.tickguard.core.tls.TlsConfig} is applied once to the client's shared OkHttp client;
 * {@link io.tickguard.core.tls.internal.TlsFailures} turns the handshake failures it causes into typed
 * exceptions. See {@code docs/design/certificate-pinning.md} for why pins are checked inside the
 * handshake.
 */
package io.tickguard.core.tls;
