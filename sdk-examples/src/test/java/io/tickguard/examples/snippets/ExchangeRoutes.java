package io.tickguard.examples.snippets;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.RateLimiter;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimOrderBook;
import java.util.function.Function;

// docs/sandbox.md's skeleton of a provider wire format, compiled. A real one checks the
// provider's signature where 'signed' only checks the key's scope.
// tag::routes[]
public final class ExchangeRoutes implements ProviderRoutes {
  static final ErrorStyle EXCHANGE_ERRORS = (status, code, message) ->
      SandboxResponse.json(status, "{\"error\":\"" + code + "\"}");

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    RateLimiter weight = ctx.newRateLimiter(RateLimitPolicy.defaults().withMaxWeight(6000));
    table.on("GET", "/api/v1/depth").limiter(weight).weight(5).errors(EXCHANGE_ERRORS)
        .handle(r -> depth(r, ctx.market()));
    table.on("GET", "/api/v1/account").limiter(weight).weight(20).errors(EXCHANGE_ERRORS)
        .handle(r -> signed(r, ctx, Scope.ACCOUNT_READ, this::account));
  }

  private static SandboxResponse depth(SandboxRequest r, MarketSimulator market) {
    SimOrderBook book = market.orderBook(r.query("symbol").orElse("BTC-USD"), 5);
    return SandboxResponse.json(200, "{\"sequence\":" + book.sequence() + "}");  // the provider's format
  }

  private static SandboxResponse signed(SandboxRequest r, SandboxContext ctx, Scope scope,
      Function<ApiKey, SandboxResponse> then) {
    return r.header("X-EXCHANGE-KEY").flatMap(ctx.apiKeys()::find).filter(k -> k.scopes().contains(scope))
        .map(then).orElseGet(() -> EXCHANGE_ERRORS.error(401, "UNAUTHORIZED", "bad key"));
  }

  private SandboxResponse account(ApiKey key) {
    return SandboxResponse.json(200, "{\"balances\":[]}");
  }
}
// end::routes[]
