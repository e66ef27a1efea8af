package io.tickguard.core.internal.pipeline;

import io.tickguard.core.RateLimitedException;
import io.tickguard.core.ServiceUnavailableException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.internal.ResponseHandler;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Decodes a 2xx answer of a buffered call inside its attempt, so that an error the provider reports
 * in the body of an HTTP 200 (Kraken's {@code EService:Unavailable}, a rate limit in the body) is seen
 * by every stage of the attempt, not only by the caller: the throttle is told of a rate limit, and the
 * stages outside see the status the error stands for (503 for {@link ServiceUnavailableException},
 * 429, or 418 for a ban), so that the resilience policy retries it, the circuit breaker counts it and
 * the Observe stage audits it as a failure. The decoded value, or the error, waits in the call's
 * context and attempt for the {@link ResponseStage}. Non-2xx answers pass through untouched: the
 * policy acts on their real status and the Response stage decodes the final one.
 */
final class DecodeStage implements Stage {
  static final int SERVICE_UNAVAILABLE = 503;
  static final int TOO_MANY_REQUESTS = 429;
  static final int BANNED = 418;

  private final ResponseHandler responses;

  DecodeStage(ResponseHandler responses) {
    this.responses = responses;
  }

  @Override
  public String name() {
    return "Decode";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    Attempt attempt = call == null ? null : call.currentAttempt();
    Response response = chain.proceed(request);
    if (call == null || call.isStream() || attempt == null || !response.isSuccessful()) {
      return response;
    }
    try (response) {
      call.result(responses.handle(call.request(), response, call.decoder(), call.validator()));
      attempt.decoded(true);
      // Its body is read and closed; the stages outside read status and headers only (response
      // observers must not touch the body), so no stand-in is built for a decoded answer.
      return response;
    } catch (RateLimitedException refusal) {
      if (refusal.clientSide()) {
        throw refusal;
      }
      call.throttle().onRateLimitInBody(call.request(), refusal);
      attempt.bodyFailure(response.code(), refusal);
      Response.Builder stand = standIn(response, refusal.banned() ? BANNED : TOO_MANY_REQUESTS);
      refusal.retryAfter().ifPresent(d -> stand.header("Retry-After", Long.toString(Math.max(0, d.toSeconds()))));
      return stand.build();
    } catch (ServiceUnavailableException unavailable) {
      attempt.bodyFailure(response.code(), unavailable);
      return standIn(response, SERVICE_UNAVAILABLE).build();
    } catch (TickGuardException e) {
      attempt.bodyFailure(response.code(), e);
      throw e;
    }
  }

  /** The answer as the status its body's error stands for, without a body. */
  private static Response.Builder standIn(Response response, int code) {
    return response.newBuilder()
        .code(code)
        .protocol(response.protocol())
        .message("reported in the body of HTTP " + response.code())
        .removeHeader("Retry-After")
        .body(ResponseBody.create(new byte[0], null));
  }
}
