package io.tickguard.testkit;

/** Answers one matched request; runs on the server's connection threads, so it must be thread-safe. */
@FunctionalInterface
public interface RouteHandler {

  /** The answer to {@code request}. */
  SandboxResponse handle(SandboxRequest request);
}
