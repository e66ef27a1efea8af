/** TLS settings: protocol versions, certificate pinning, trust roots and client certificates. */
package io.tickguard.core.tls;
