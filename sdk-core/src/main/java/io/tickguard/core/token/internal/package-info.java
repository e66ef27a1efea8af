/** Implementation of the OAuth 2.0 client; not an API. */
package io.tickguard.core.token.internal;
