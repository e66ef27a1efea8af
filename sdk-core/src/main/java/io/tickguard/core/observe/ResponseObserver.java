package io.tickguard.core.observe;

import io.tickguard.core.ApiRequest;
import okhttp3.Response;

/**
 * Sees every response, before the caller does: deprecation headers, {@code Date} samples for a server
 * clock, custom usage headers. It runs on the calling thread, must be fast, and must not consume or
 * close the body.
 */
@FunctionalInterface
public interface ResponseObserver {

  /** Called once per received response of {@code request}. */
  void onResponse(ApiRequest request, Response response);
}
