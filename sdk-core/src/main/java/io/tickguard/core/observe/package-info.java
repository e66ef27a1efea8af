/** Audit logging and metrics: the Observe stage. */
package io.tickguard.core.observe;
