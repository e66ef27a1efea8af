package io.tickguard.examples.cli;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.token.AuthorizationBrowser;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The browser of the embedded sandbox's demo user: it opens the sandbox's Saxo login page over the
 * sandbox's pinned TLS (the demo user is logged in at once), then follows the redirect to the
 * command's own loopback listener, as a real browser would after the user logged in. Used only
 * against the embedded sandbox; against Saxo the user's own browser does this.
 */
final class SandboxBrowser implements AuthorizationBrowser {
  private final OkHttpClient login;
  private final OkHttpClient loopback = new OkHttpClient.Builder().followRedirects(false).build();

  SandboxBrowser(TlsConfig sandboxTls) {
    OkHttpClient.Builder b = new OkHttpClient.Builder().followRedirects(false).followSslRedirects(false);
    sandboxTls.applyTo(b);
    this.login = b.build();
  }

  @Override
  public void open(URI authorize) {
    // The login waits for the redirect on this thread's caller: visit the pages on another thread.
    CompletableFuture.runAsync(() -> {
      String location;
      try (Response page = login.newCall(new Request.Builder().url(HttpUrl.get(authorize.toString())).build()).execute()) {
        String redirect = page.header("Location");
        if (page.code() != 302 || redirect == null || redirect.isEmpty()) {
          throw new AuthenticationException("the sandbox's login page answered " + page.code() + " without a redirect");
        }
        location = redirect;
      } catch (IOException e) {
        throw new AuthenticationException("the sandbox's login page could not be opened (" + e.getClass().getSimpleName() + ")");
      }
      try (Response back = loopback.newCall(new Request.Builder().url(HttpUrl.get(location)).build()).execute()) {
        back.body().string();
      } catch (IOException e) {
        throw new AuthenticationException("the login redirect could not reach the loopback listener (" + e.getClass().getSimpleName() + ")");
      }
    });
  }
}
