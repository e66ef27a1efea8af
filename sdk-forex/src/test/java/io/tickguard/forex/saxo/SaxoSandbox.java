package io.tickguard.forex.saxo;

import io.tickguard.core.token.AuthorizationBrowser;
import io.tickguard.core.token.TokenStore;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.OAuthSettings;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.saxo.SaxoRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A sandbox speaking Saxo (20-minute access tokens, 1-hour refresh tokens, as Saxo issues them) on a
 * virtual clock, a client pointed at it over pinned TLS, and a test browser that follows Saxo's
 * login redirect to the client's loopback listener.
 */
final class SaxoSandbox implements AutoCloseable {
  static final Duration ACCESS_TTL = Duration.ofMinutes(20);
  static final Duration REFRESH_TTL = Duration.ofHours(1);

  final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T10:00:00Z"));
  final SaxoRoutes routes = new SaxoRoutes();
  final SandboxServer server;
  private final OkHttpClient browserHttp;
  /** The browser's own connection to the app's loopback listener: plain HTTP, as RFC 8252 has it. */
  private final OkHttpClient loopbackHttp = new OkHttpClient.Builder().followRedirects(false).build();
  /** The last login page visit, so a test sees why a browser failed. */
  volatile CompletableFuture<Void> lastVisit;

  SaxoSandbox() {
    server = SandboxServer.builder().clock(clock).seed(12)
        .oauth(new OAuthSettings(ACCESS_TTL, REFRESH_TTL, false))
        .instruments(List.of(
            new Instrument("EUR-USD", new BigDecimal("1.08500"), new BigDecimal("0.00001"), new BigDecimal("1000"), 5_000, 0.006),
            new Instrument("GBP-USD", new BigDecimal("1.27000"), new BigDecimal("0.00001"), new BigDecimal("1000"), 5_000, 0.007),
            new Instrument("USD-JPY", new BigDecimal("150.000"), new BigDecimal("0.001"), new BigDecimal("1000"), 5_000, 0.006)))
        .routes(routes)
        .start();
    OkHttpClient.Builder b = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false);
    server.tlsConfig().applyTo(b);
    browserHttp = b.build();
  }

  SaxoUrls urls() {
    return SaxoUrls.of(server.url(SaxoRoutes.OPENAPI + "/").toString(), server.url(SaxoRoutes.STREAMING + "/").toString(),
        server.url(SaxoRoutes.AUTHORIZE_PATH).toString(), server.url(SaxoRoutes.TOKEN_PATH).toString());
  }

  SaxoClient client(TokenStore store) {
    return builder(store).build();
  }

  /** A client builder for this sandbox: pinned TLS, the virtual clock, no jitter, no keep-alive timer. */
  SaxoClient.Builder builder(TokenStore store) {
    return SaxoClient.builder().appKey(SaxoRoutes.CLIENT_ID).urls(urls())
        .config(server.clientConfigBuilder().clock(clock).build())
        .tokenStore(store).refreshJitter(false).keepAlive(Duration.ZERO).loginTimeout(Duration.ofSeconds(20))
        .streamSettings(SaxoStreamSettings.defaults().withBackoff(Duration.ZERO, Duration.ZERO));
  }

  /** A browser that logs the demo user in and follows the redirect, rewriting it with {@code tamper}. */
  AuthorizationBrowser browser(UnaryOperator<HttpUrl> tamper) {
    return uri -> lastVisit = CompletableFuture.runAsync(() -> {
      String location;
      try (Response login = browserHttp.newCall(new Request.Builder().url(HttpUrl.get(uri)).build()).execute()) {
        if (login.code() != 302) {
          throw new IllegalStateException("Saxo's login page answered " + login.code());
        }
        location = login.header("Location");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      HttpUrl redirect = tamper.apply(HttpUrl.get(location));
      try (Response back = loopbackHttp.newCall(new Request.Builder().url(redirect).build()).execute()) {
        back.body().string();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The honest browser. */
  AuthorizationBrowser browser() {
    return browser(UnaryOperator.identity());
  }

  @Override
  public void close() {
    server.close();
  }
}
