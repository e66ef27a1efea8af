/**
 * The streaming path's implementation: connections (NDJSON lines, WebSockets) opened through the
 * pipeline, and the session that owns reconnects, idle detection, buffering and delivery.
 * Implementation detail: not for use outside TickGuard.
 */
package io.tickguard.core.internal.stream;
