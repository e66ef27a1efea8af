/**
 * Every provider wire format of the sandbox in one place, with demo credentials, for the standalone
 * sandbox and the command line.
 */
package io.tickguard.testkit.providers;
