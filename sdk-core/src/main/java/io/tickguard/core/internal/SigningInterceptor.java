package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.RequestAuthenticator;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Auth and Sign stage, as an OkHttp <em>network</em> interceptor: it runs once the connection is
 * established, right before the request is written. A timestamp taken any earlier would age during
 * the wait for a pooled connection and the TLS handshake; under load that wait alone can exceed a
 * provider's window (Binance's {@code recvWindow} is 5 s by default). It also runs again for every
 * transmission OkHttp makes, so a request is never sent twice with one signature.
 */
public final class SigningInterceptor implements Interceptor {
  private final RequestAuthenticator authenticator;

  public SigningInterceptor(RequestAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest api = request.tag(ApiRequest.class);
    if (api == null) {
      return chain.proceed(request);
    }
    return chain.proceed(withBodyHeaders(request, authenticator.authenticate(request, api)));
  }

  /** The request as sent on the wire: the network response carries it, with its credentials and tags. */
  public static Request sentRequest(Response response) {
    Response network = response.networkResponse();
    return network != null ? network.request() : response.request();
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
