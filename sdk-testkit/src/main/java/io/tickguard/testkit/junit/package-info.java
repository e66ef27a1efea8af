/** JUnit 5 support: {@link io.tickguard.testkit.junit.Sandbox} starts a sandbox per test class. */
package io.tickguard.testkit.junit;
