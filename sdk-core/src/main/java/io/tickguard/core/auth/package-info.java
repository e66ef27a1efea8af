/** Credentials, secrets, scopes and request signers: the Auth and Sign stages. */
package io.tickguard.core.auth;
