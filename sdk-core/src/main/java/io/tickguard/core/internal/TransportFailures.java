package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.TransportException;
import io.tickguard.core.observe.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Turns an {@link IOException} from OkHttp that is not a TLS failure (those are typed by
 * {@link io.tickguard.core.tls.internal.TlsFailures}) into a {@link TransportException} whose message says what
 * happened and what to check, and whose cause is redacted (OkHttp's messages may quote the URL, and
 * some providers take the API key in the URL).
 */
public final class TransportFailures {
  private TransportFailures() {}

  /**
   * The exception to throw for {@code e}, raised while calling {@code request} on {@code host}; its
   * cause is redacted with the client's {@code redactor}. {@code transmitted} when the request had
   * started on the wire (a write's outcome is then unknown).
   */
  public static TransportException translate(
      IOException e, ApiRequest request, String host, boolean transmitted, Redactor redactor) {
    String endpoint = request.endpoint().name();
    Throwable cause = redactor.sanitize(e);
    if (!transmitted && e instanceof UnknownHostException) {
      return new TransportException("Cannot resolve host " + host + " for " + endpoint + ": check the base URL and DNS", false, cause);
    }
    if (!transmitted && (e instanceof ConnectException || e instanceof NoRouteToHostException)) {
      return new TransportException("Cannot connect to " + host + " for " + endpoint + ": the server is down or unreachable", false, cause);
    }
    // Only a request that started on the wire may have taken effect.
    boolean outcomeUnknown = !request.retryable() && transmitted;
    String suffix = outcomeUnknown
        ? "; the request may have reached the server, so check its effect before repeating it"
        : "";
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new TransportException("Call to " + host + " for " + endpoint + " timed out" + suffix, outcomeUnknown, cause);
    }
    return new TransportException(
        "Connection to " + host + " failed during " + endpoint + " (" + e.getClass().getSimpleName() + ")" + suffix,
        outcomeUnknown, cause);
  }
}
