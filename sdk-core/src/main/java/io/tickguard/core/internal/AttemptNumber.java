package io.tickguard.core.internal;

/**
 * The attempt a request belongs to, carried as an OkHttp tag from the Resilience stage to the
 * Attempt stage.
 *
 * @param value the attempt number, starting at 1
 */
public record AttemptNumber(int value) {}
