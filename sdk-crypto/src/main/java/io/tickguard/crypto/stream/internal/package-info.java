/** Implementation detail of market streams; not a public API, may change at any time. */
package io.tickguard.crypto.stream.internal;
