/** Implementation detail shared by the provider packages; not a public API, may change at any time. */
package io.tickguard.crypto.internal;
