package io.tickguard.testkit.internal;

import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;

/** The sandbox's own token endpoint: {@code POST /oauth2/token}, exempt from rate limits. */
public final class OAuthRoutes implements ProviderRoutes {
  /** The token endpoint's path. */
  public static final String TOKEN_PATH = "/oauth2/token";

  @Override
  public void register(RouteTable table, SandboxContext context) {
    table.on("POST", TOKEN_PATH).unlimited().handle(context.oauth()::token);
  }
}
