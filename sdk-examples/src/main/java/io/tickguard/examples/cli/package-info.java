/** The {@code tickguard} command line: demo, sandbox, and market data from every provider. */
package io.tickguard.examples.cli;
