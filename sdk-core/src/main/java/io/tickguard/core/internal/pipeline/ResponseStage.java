package io.tickguard.core.internal.pipeline;

import io.tickguard.core.internal.ResponseHandler;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 7, Response: the final answer (after every retry) becomes a fully valid typed value, left in
 * the call's {@link CallContext}, or a typed exception ({@link ResponseHandler}: status, content
 * type, size cap, strict decode, domain validation). A 2xx answer was already decoded inside its
 * attempt by the {@link DecodeStage} (so that an error inside an HTTP 200 is retried, counted by the
 * breaker and audited): its value, or the error its body held, is taken from there. A stream connect
 * is only checked for its status and handed on open.
 */
final class ResponseStage implements Stage {
  /** A WebSocket upgrade is answered with 101; a streamed response with 200. */
  static final int SWITCHING_PROTOCOLS = 101;

  private final ResponseHandler responses;

  ResponseStage(ResponseHandler responses) {
    this.responses = responses;
  }

  @Override
  public String name() {
    return "Response";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null) {
      return chain.proceed(request);
    }
    Response response = chain.proceed(request);
    try {
      if (call.isStream()) {
        int expected = request.header("Upgrade") != null ? SWITCHING_PROTOCOLS : 200;
        responses.requireStreamOpened(call.request(), response, expected);
        return response;
      }
      Attempt last = call.currentAttempt();
      if (last != null && last.bodyFailureOrNull() != null) {
        throw last.bodyFailureOrNull(); // an error inside a 2xx, already seen by the attempt's stages
      }
      if (last == null || !last.decoded()) {
        call.result(responses.handle(call.request(), response, call.decoder(), call.validator()));
      }
      return response;
    } catch (IOException | RuntimeException | Error e) {
      response.close(); // a stage outside may call again (clock-skew retry): free the connection
      throw e;
    }
  }
}
