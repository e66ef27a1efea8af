/** Server-time correction, freshness windows and nonces for signed requests. */
package io.tickguard.core.time;
