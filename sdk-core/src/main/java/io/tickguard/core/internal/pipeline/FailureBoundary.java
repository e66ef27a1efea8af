package io.tickguard.core.internal.pipeline;

import io.tickguard.core.TickGuardException;
import java.io.IOException;
import okhttp3.Response;

/**
 * The outermost interceptor: a typed failure of any stage leaves OkHttp as a {@link StageFailure},
 * which the pipeline unwraps (see there for why).
 */
final class FailureBoundary implements Stage {

  @Override
  public String name() {
    return "Boundary";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (TickGuardException e) {
      throw new StageFailure(e);
    }
  }
}
