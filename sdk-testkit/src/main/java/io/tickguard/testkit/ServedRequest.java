package io.tickguard.testkit;

/**
 * One request the sandbox received, for tests that assert what reached the server (or that nothing
 * did).
 *
 * @param routeKey {@code METHOD /path}
 * @param clientAddress the source address of the connection it came on
 */
public record ServedRequest(String routeKey, String clientAddress) {}
