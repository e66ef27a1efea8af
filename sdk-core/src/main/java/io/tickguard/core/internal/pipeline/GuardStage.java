package io.tickguard.core.internal.pipeline;

import io.tickguard.core.auth.RequestAuthenticator;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 1, Guard: replaces the call's seed request by the validated HTTP request ({@link
 * io.tickguard.core.internal.RequestGuard}: allowlisted, length-checked, percent-encoded parameters,
 * scopes covered by the credentials). It runs before any other stage, so a refused request costs
 * nothing and no byte leaves the process. Headers the transport itself added to the seed (a WebSocket
 * upgrade's) are kept.
 */
final class GuardStage implements Stage {
  private final RequestAuthenticator authenticator;

  GuardStage(RequestAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public String name() {
    return "Guard";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request seed = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null) {
      return chain.proceed(seed); // not a TickGuard call (a raw request on httpClient())
    }
    authenticator.checkBeforeSending(call.request());
    // From the seed, whose tags (the ApiRequest and this context) the guarded request keeps.
    Request.Builder http = call.guard().toHttpRequestBuilder(call.request(), authenticator.grantedScopes(), seed.newBuilder());
    if (seed.headers().size() > 0) {
      Request guarded = http.build();
      for (String name : seed.headers().names()) {
        if (guarded.header(name) == null) {
          for (String value : seed.headers(name)) {
            http.addHeader(name, value);
          }
        }
      }
    }
    return StageGroup.proceedInCall(chain, http.build());
  }
}
