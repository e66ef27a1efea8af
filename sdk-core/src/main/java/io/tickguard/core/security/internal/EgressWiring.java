package io.tickguard.core.security.internal;

import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.Egress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;

/**
 * Applies an {@link Egress} to an OkHttp builder: one fixed proxy (never a {@code ProxySelector},
 * whose failure would fall back to a direct route), Basic proxy authentication answered once, and
 * a bound local address; for SOCKS5, sockets that run the handshake themselves (see {@link
 * Socks5SocketFactory}) with a {@link ProxyResolvedDns}.
 */
public final class EgressWiring {
  private EgressWiring() {}

  /** Configures {@code http} for {@code egress}. */
  public static void apply(Egress egress, OkHttpClient.Builder http) {
    if (egress.route() == Egress.Route.SOCKS5_PROXY) {
      // Not OkHttp's SOCKS support: the JDK's reads credentials from the process-global
      // java.net.Authenticator. Our sockets run the handshake with this client's credentials.
      InetSocketAddress proxy = egress.proxyAddress().orElseThrow();
      http.proxy(Proxy.NO_PROXY)
          .dns(new ProxyResolvedDns())
          .socketFactory(new Socks5SocketFactory(proxy.getHostString(), proxy.getPort(),
              egress.localAddress().orElse(null), egress.proxyUser().orElse(null), egress.proxyPassword().orElse(null)))
          .proxyAuthenticator(Authenticator.NONE);
      return;
    }
    http.proxy(egress.proxy());
    egress.localAddress().ifPresent(local -> http.socketFactory(new BindingSocketFactory(local)));
    if (egress.proxyUser().isPresent() && egress.proxyPassword().isPresent()) {
      http.proxyAuthenticator(basic(egress.proxyUser().get(), egress.proxyPassword().get()));
    } else {
      http.proxyAuthenticator(Authenticator.NONE);
    }
  }

  private static Authenticator basic(String user, Secret password) {
    return (route, response) -> {
      if (response.request().header("Proxy-Authorization") != null) {
        return null; // refused once already: do not loop, fail as a proxy failure
      }
      char[] pw = password.chars();
      try {
        byte[] userBytes = (user + ":").getBytes(StandardCharsets.ISO_8859_1);
        byte[] pwBytes = new String(pw).getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[userBytes.length + pwBytes.length];
        System.arraycopy(userBytes, 0, all, 0, userBytes.length);
        System.arraycopy(pwBytes, 0, all, userBytes.length, pwBytes.length);
        String header = "Basic " + Base64.getEncoder().encodeToString(all);
        java.util.Arrays.fill(all, (byte) 0);
        java.util.Arrays.fill(pwBytes, (byte) 0);
        return response.request().newBuilder().header("Proxy-Authorization", header).build();
      } finally {
        java.util.Arrays.fill(pw, '\0');
      }
    };
  }
}
