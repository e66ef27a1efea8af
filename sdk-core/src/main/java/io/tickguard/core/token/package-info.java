/** OAuth 2.0 tokens: the token endpoint client, the refreshing {@link io.tickguard.core.token.TokenManager}, token stores. */
package io.tickguard.core.token;
