package io.tickguard.core.resilience.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.UnknownServiceException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Explicit classification of what may be retried. Resilience4j's Retry retries every exception by
 * default; here nothing is retried unless listed.
 */
public final class Failures {
  private Failures() {}

  /** Statuses worth another attempt of a retryable request: 408, 429 and transient 5xx. */
  public static boolean retryableStatus(int code) {
    return code == 408 || code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
  }

  /**
   * Whether {@code e} is transient. Certificate and pin failures are not (they never heal by
   * retrying and must not be hammered), nor is a cancelled call.
   */
  public static boolean retryable(IOException e) {
    if (e instanceof SSLPeerUnverifiedException || e instanceof SSLHandshakeException
        || e instanceof UnknownServiceException) {
      return false;
    }
    if (e instanceof InterruptedIOException) {
      return e instanceof SocketTimeoutException;
    }
    return true;
  }
}
