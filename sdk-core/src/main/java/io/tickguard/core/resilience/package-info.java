/** Retries, circuit breaking and bulkheads: the Resilience stage. */
package io.tickguard.core.resilience;
