/** Implementation detail of security monitoring and egress. Not API: may change in any release. */
package io.tickguard.core.security.internal;
