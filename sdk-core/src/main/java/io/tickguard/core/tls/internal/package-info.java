/**
 * Implementation of {@link io.tickguard.core.tls.TlsConfig}: the pinning trust manager, chain
 * rebuilding and socket configuration. Not an API: these classes may change in any release.
 */
package io.tickguard.core.tls.internal;
