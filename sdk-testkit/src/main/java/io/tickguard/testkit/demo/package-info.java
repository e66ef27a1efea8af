/**
 * A small generic wire format ({@code /demo/v1/...}) that exercises every shared piece of the
 * sandbox: market data, HMAC-signed account and order calls, and an OAuth-protected resource.
 */
package io.tickguard.testkit.demo;
