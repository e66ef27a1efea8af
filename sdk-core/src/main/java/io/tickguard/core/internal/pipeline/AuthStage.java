package io.tickguard.core.internal.pipeline;

import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.internal.SentRequest;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 4, Auth: owns the credentials' life within a call. A 401 answered to a request that carried
 * the current credential has the authenticator refresh it (the token manager's single-flight
 * refresh), and the attempt is replayed once, never in a loop; the replay is throttled and observed
 * like any attempt. Attaching the credential itself happens in the Sign stage, per transmission,
 * because a signature covers the attached key.
 */
final class AuthStage implements Stage {
  private static final int UNAUTHORIZED = 401;

  private final RequestAuthenticator authenticator;

  AuthStage(RequestAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public String name() {
    return "Auth";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (CallContext.of(chain) == null) {
      return chain.proceed(request);
    }
    Response response = chain.proceed(request);
    if (response.code() == UNAUTHORIZED && authenticator.refreshAfterUnauthorized(SentRequest.of(response))) {
      response.close();
      return chain.proceed(request); // one replay with fresh credentials
    }
    return response;
  }
}
