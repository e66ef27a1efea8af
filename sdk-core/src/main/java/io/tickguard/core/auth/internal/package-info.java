/** Implementation of the signers and credential plumbing; not an API, may change at any time. */
package io.tickguard.core.auth.internal;
