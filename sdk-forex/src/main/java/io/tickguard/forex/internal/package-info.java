/** Implementation detail shared by the forex provider packages; not a public API, may change at any time. */
package io.tickguard.forex.internal;
