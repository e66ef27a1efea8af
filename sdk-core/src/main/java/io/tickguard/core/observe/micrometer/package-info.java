/**
 * The Micrometer binding of {@link io.tickguard.core.observe.MetricsListener}. The only package of
 * TickGuard that references Micrometer, which is an optional dependency: load it only when
 * Micrometer is on the class path.
 */
package io.tickguard.core.observe.micrometer;
