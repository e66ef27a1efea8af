/** Implementation detail of the resilience policy. Not API: may change in any release. */
package io.tickguard.core.resilience.internal;
