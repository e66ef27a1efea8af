package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.RequestAuthenticator;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Stage 5, Sign (with the attaching half of Auth): the authenticator attaches the key or token and
 * signs, as an OkHttp <em>network</em> interceptor, so it runs once the connection is established,
 * right before the request is written. A timestamp taken any earlier would age during
 * the wait for a pooled connection and the TLS handshake; under load that wait alone can exceed a
 * provider's window (Binance's {@code recvWindow} is 5 s by default). It also runs again for every
 * transmission OkHttp makes, so a request is never sent twice with one signature. It makes no
 * calls of its own: the provider clock was made fresh before the attempt ({@link ClockSyncStage}).
 */
final class SignStage implements Stage {
  private final RequestAuthenticator authenticator;

  SignStage(RequestAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public String name() {
    return "Sign";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    // The Guard tags its request with the call's ApiRequest and context; one without a context (no
    // stage group) is still signed when it carries the ApiRequest.
    ApiRequest api = call != null ? call.request() : request.tag(ApiRequest.class);
    if (api == null) {
      return chain.proceed(request);
    }
    Request signed = withBodyHeaders(request, authenticator.authenticate(request, api));
    Attempt attempt = call == null ? null : call.currentAttempt();
    if (attempt != null) {
      // The connection and TLS handshake are done: from here on the server may receive the request.
      attempt.transmitting();
    }
    return chain.proceed(signed);
  }

  /**
   * OkHttp sets {@code Content-Length} and {@code Content-Type} before network interceptors run; a
   * signer that adds a nonce to the body must have them follow the new body.
   */
  private static Request withBodyHeaders(Request original, Request signed) {
    RequestBody body = signed.body();
    if (body == null || body == original.body()) {
      return signed;
    }
    Request.Builder fixed = signed.newBuilder();
    MediaType type = body.contentType();
    if (type != null) {
      fixed.header("Content-Type", type.toString());
    }
    try {
      long length = body.contentLength();
      if (length >= 0) {
        fixed.header("Content-Length", Long.toString(length)).removeHeader("Transfer-Encoding");
      } else {
        fixed.header("Transfer-Encoding", "chunked").removeHeader("Content-Length");
      }
    } catch (IOException e) {
      fixed.header("Transfer-Encoding", "chunked").removeHeader("Content-Length");
    }
    return fixed.build();
  }
}
