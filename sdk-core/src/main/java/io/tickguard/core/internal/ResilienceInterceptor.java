package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.resilience.ResiliencePolicy;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** The Resilience stage: hands every attempt of one call to the configured policy. */
public final class ResilienceInterceptor implements Interceptor {
  private final ResiliencePolicy policy;

  public ResilienceInterceptor(ResiliencePolicy policy) {
    this.policy = policy;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest api = request.tag(ApiRequest.class);
    if (api == null) {
      return chain.proceed(request);
    }
    return policy.execute(
        api,
        n -> chain.proceed(request.newBuilder().tag(AttemptNumber.class, new AttemptNumber(n)).build()));
  }
}
