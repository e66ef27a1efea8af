/** Runnable examples of TickGuard: the demo and, later, the {@code tickguard} command line. */
package io.tickguard.examples;
