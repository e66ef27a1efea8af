/** Client-side rate limiting: the Throttle stage. */
package io.tickguard.core.throttle;
