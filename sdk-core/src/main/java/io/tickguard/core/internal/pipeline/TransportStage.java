package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.internal.TransportFailures;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.EgressException;
import io.tickguard.core.security.internal.EgressWiring;
import io.tickguard.core.tls.internal.ConfiguringSocketFactory;
import io.tickguard.core.tls.internal.TlsFailures;
import io.tickguard.core.observe.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Stage 6, Transport: the OkHttp client's own settings (pool, dispatcher, timeouts, no redirects,
 * proxy, TLS 1.3/1.2 with hostname verification and optional pins, plain HTTP only for an opted-in
 * loopback host), and the translation of what OkHttp throws into typed exceptions.
 */
final class TransportStage {
  private final ClientConfig config;
  private final Redactor redactor;

  TransportStage(ClientConfig config, Redactor redactor) {
    this.config = config;
    this.redactor = redactor;
  }

  /** A builder with every transport setting of {@code config}; the pipeline adds its stages to it. */
  OkHttpClient.Builder newClientBuilder() {
    Dispatcher dispatcher = new Dispatcher();
    // StandardResiliencePolicy's default bulkhead admits as many calls as this dispatcher runs.
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(
                new ConnectionPool(config.maxIdleConnections(), config.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            // No OkHttp callTimeout: CallDeadlines bounds the whole call more cheaply (see there).
            // A redirect would carry X-MBX-APIKEY-style headers to another host; OkHttp strips only
            // Authorization. Providers do not redirect API calls, so a redirect is an error.
            .followRedirects(false)
            .followSslRedirects(false);
    config.proxy().ifPresent(http::proxy);
    if (config.egress().route() != Egress.Route.DIRECT || config.egress().localAddress().isPresent()) {
      EgressWiring.apply(config.egress(), http);
    }
    config.tls().applyTo(http); // nothing may loosen TLS after it: the stages never touch TLS
    if (!config.baseUrl().isHttps()) {
      // ClientConfig admits http:// only for a loopback host with an explicit opt-in.
      http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    } else {
      boundHandshakeByConnectTimeout(http, config.connectTimeout());
    }
    return http;
  }

  /**
   * The typed exception for {@code e}, raised while calling {@code request} on {@code host}. When
   * {@code transmitted}, the connection and its TLS handshake had completed and the request started
   * on the wire: a TLS error then is a corrupt record in the answer, not a failed handshake, and may
   * not claim that nothing was sent.
   */
  TickGuardException translate(IOException e, ApiRequest request, String host, boolean transmitted) {
    Optional<TickGuardException> typed = StageFailure.unwrap(e);
    if (typed.isPresent()) {
      return typed.get();
    }
    if (transmitted) {
      return TransportFailures.translate(e, request, host, true, redactor);
    }
    Optional<TickGuardException> tls = TlsFailures.translate(e, host);
    if (tls.isPresent()) {
      if (tls.get() instanceof CertificatePinningException) {
        pinFailure(config.metrics(), host);
      }
      return tls.get();
    }
    if (config.egress().route() != Egress.Route.DIRECT && isEgressFailure(e)) {
      return new EgressException("Calling " + request.endpoint().name() + " on " + host + " failed at the egress ("
          + config.egress().describe() + "): " + e.getClass().getSimpleName() + " " + safe(e.getMessage())
          + ". Nothing was sent by another route; check that the proxy is up and allows " + host, e);
    }
    if (config.egress().localAddress().isPresent() && e instanceof java.net.BindException) {
      return new EgressException("Calling " + request.endpoint().name() + " on " + host + ": cannot open a"
          + " connection from the configured local address (" + config.egress().describe() + "): "
          + safe(e.getMessage()) + ". Check that the address belongs to this machine", e);
    }
    return TransportFailures.translate(e, request, host, false, redactor);
  }

  /**
   * A failure to reach or use the proxy: connect refused or timed out (with a proxy every connect
   * goes to the proxy), a refused CONNECT tunnel or proxy authentication.
   */
  private static boolean isEgressFailure(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.tickguard.core.security.internal.Socks5Exception) {
        return true;
      }
    }
    if (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException
        || e instanceof java.net.BindException) {
      return true;
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    return m.contains("CONNECT") || m.contains("proxy") || m.contains("SOCKS") || m.startsWith("Failed to connect");
  }

  private static String safe(String message) {
    if (message == null) {
      return "";
    }
    String line = message.replaceAll("[\r\n\t]", " ");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static void pinFailure(MetricsListener metrics, String host) {
    try {
      metrics.onPinFailure(host);
    } catch (RuntimeException ignored) {
      // A broken metrics listener must not hide the pinning failure.
    }
  }

  /**
   * OkHttp reads the TLS handshake with the socket's read timeout; the connect timeout is documented
   * as covering the handshake. Every TLS socket starts with the connect timeout as its read timeout;
   * OkHttp sets the read timeout once the connection carries a request (HTTP/1.1) or clears it
   * (HTTP/2, where timeouts are per stream). The socket factory and trust manager are the ones
   * {@code TlsConfig} installed, only wrapped.
   */
  private static void boundHandshakeByConnectTimeout(OkHttpClient.Builder http, java.time.Duration connectTimeout) {
    OkHttpClient tls = http.build();
    int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    http.sslSocketFactory(new ConfiguringSocketFactory(tls.sslSocketFactory(), socket -> {
      try {
        socket.setSoTimeout(millis);
      } catch (java.net.SocketException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }), java.util.Objects.requireNonNull(tls.x509TrustManager(), "TlsConfig installs a trust manager"));
  }
}
