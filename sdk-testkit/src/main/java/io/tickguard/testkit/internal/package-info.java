/** Implementation detail of the sandbox; not API, may change at any time. */
package io.tickguard.testkit.internal;
