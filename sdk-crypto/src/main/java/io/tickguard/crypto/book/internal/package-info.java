/** Implementation detail of local order books; not a public API, may change at any time. */
package io.tickguard.crypto.book.internal;
