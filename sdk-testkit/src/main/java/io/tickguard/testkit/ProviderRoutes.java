package io.tickguard.testkit;

/**
 * One provider's wire format in the sandbox: its routes, its error bodies, its signature scheme. A
 * provider issue adds one implementation (for example {@code BinanceRoutes}) written from the
 * provider's docs, independently of the client's DTOs, and registers it with
 * {@link SandboxServer.Builder#routes(ProviderRoutes)}.
 */
@FunctionalInterface
public interface ProviderRoutes {

  /** Adds this provider's routes to {@code table}, using the shared pieces of {@code context}. */
  void register(RouteTable table, SandboxContext context);
}
