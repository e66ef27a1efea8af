/**
 * Implementation detail of the in-process throttle: limit state and header parsing. Not API: may
 * change in any release.
 */
package io.tickguard.core.throttle.internal;
