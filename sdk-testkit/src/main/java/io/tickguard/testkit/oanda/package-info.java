/**
 * OANDA v20 in the sandbox: REST routes and the chunked pricing stream, with scripted faults.
 */
package io.tickguard.testkit.oanda;
