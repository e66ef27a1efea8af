package io.tickguard.core.internal;

import okhttp3.Request;
import okhttp3.Response;

/** The request as the Sign stage sent it on the wire, with its credentials and tags. */
public final class SentRequest {
  private SentRequest() {}

  /** The network request behind {@code response} (the application-level one when there is none). */
  public static Request of(Response response) {
    Response network = response.networkResponse();
    return network != null ? network.request() : response.request();
  }
}
