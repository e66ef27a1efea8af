package io.tickguard.core.token;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.internal.LoopbackReceiver;
import io.tickguard.core.token.internal.OAuthErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Logs a user of a native application in with the OAuth 2.0 authorization code grant and PKCE,
 * the way RFC 8252 asks: the login page opens in the user's own browser (through the caller's
 * {@link AuthorizationBrowser}), the provider redirects to a one-shot listener on {@code
 * 127.0.0.1} whose port the OS chose at run time (so the redirect URI is built per login, port
 * included), and the code is exchanged with the {@code code_verifier} and the same {@code
 * redirect_uri}.
 *
 * <ul>
 *   <li>The {@code code_verifier} comes from 32 random bytes and only its {@code S256} challenge
 *       travels through the browser ({@link Pkce}); an intercepted code is useless without it.
 *   <li>{@code state} is 128 random bits compared in constant time; a redirect with another state
 *       (a forged or replayed login) is refused and its code is never exchanged.
 *   <li>An {@code error} redirect (the user declined, RFC 6749 section 4.1.2.1) becomes the typed
 *       exception for that OAuth code.
 * </ul>
 *
 * <pre>{@code
 * TokenEndpointClient endpoint = TokenEndpointClient.builder(http, tokenUrl, "my-app-key").build();
 * TokenGrant grant = PkceLogin.builder(endpoint, authorizeUrl).build().login(uri -> System.out.println("Log in at " + uri));
 * tokens.accept(grant); // the TokenManager keeps the session alive from here
 * }</pre>
 *
 * <p>Each {@link #login} call is independent; the object is thread-safe.
 */
public final class PkceLogin {
  private final TokenEndpointClient endpoint;
  private final HttpUrl authorizeUrl;
  private final List<String> scopes;
  private final String callbackPath;
  private final Duration timeout;
  private final SecureRandom random;

  private PkceLogin(Builder b) {
    this.endpoint = b.endpoint;
    this.authorizeUrl = b.authorizeUrl;
    this.scopes = List.copyOf(b.scopes);
    this.callbackPath = b.callbackPath;
    this.timeout = b.timeout;
    this.random = b.random;
  }

  /**
   * Starts a builder.
   *
   * @param endpoint the token endpoint, identifying the (public) client by its id
   * @param authorizeUrl the provider's authorization endpoint
   */
  public static Builder builder(TokenEndpointClient endpoint, HttpUrl authorizeUrl) {
    return new Builder(endpoint, authorizeUrl);
  }

  /**
   * Runs one login: opens {@code browser} on the authorization request, waits for the redirect,
   * checks it and exchanges the code.
   *
   * @return the first tokens of the session; hand them to {@link TokenManager#accept(TokenGrant)}
   * @throws AuthenticationException when the redirect carries another state, an error, no code, or
   *     does not arrive in time
   */
  public TokenGrant login(AuthorizationBrowser browser) {
    Objects.requireNonNull(browser, "browser");
    Pkce pkce = Pkce.generate(random);
    String state = randomToken(16);
    try (LoopbackReceiver receiver = new LoopbackReceiver(callbackPath)) {
      String redirectUri = receiver.redirectUri();
      HttpUrl.Builder request = authorizeUrl.newBuilder()
          .addQueryParameter("response_type", "code")
          .addQueryParameter("client_id", endpoint.clientId())
          .addQueryParameter("redirect_uri", redirectUri)
          .addQueryParameter("state", state)
          .addQueryParameter("code_challenge", pkce.challenge())
          .addQueryParameter("code_challenge_method", Pkce.METHOD);
      if (!scopes.isEmpty()) {
        request.addQueryParameter("scope", String.join(" ", scopes));
      }
      try {
        browser.open(request.build().uri());
      } catch (TickGuardException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new AuthenticationException("Could not open the login page: " + e.getClass().getSimpleName());
      }
      Map<String, String> redirect = receiver.await(timeout, PkceLogin::page);
      Secret code = checkRedirect(redirect, state);
      try {
        return endpoint.authorizationCode(code, redirectUri, pkce.verifier());
      } finally {
        code.destroy();
      }
    } finally {
      pkce.verifier().destroy();
    }
  }

  private static Secret checkRedirect(Map<String, String> redirect, String expectedState) {
    String presented = redirect.getOrDefault("state", "");
    boolean stateMatches = MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expectedState.getBytes(StandardCharsets.UTF_8));
    if (!stateMatches) {
      // Checked before the error too: an unsolicited redirect must not even be reported as the provider's.
      throw new AuthenticationException(
          "The login redirect's state does not match this login (a forged, stale or replayed redirect); its code was not used."
              + " Log in again");
    }
    String error = redirect.get("error");
    if (error != null) {
      throw OAuthErrors.map(400, error, redirect.get("error_description"), null);
    }
    String code = redirect.get("code");
    if (code == null || code.isEmpty()) {
      throw new AuthenticationException("The login redirect carries no code; log in again");
    }
    return Secret.ofBytes(code.getBytes(StandardCharsets.UTF_8));
  }

  private static String page(Map<String, String> redirect) {
    return redirect.containsKey("code")
        ? "Login received. You can close this window and return to the application."
        : "Login did not complete. You can close this window.";
  }

  private String randomToken(int bytes) {
    byte[] raw = new byte[bytes];
    random.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Arrays.fill(raw, (byte) 0);
    return token;
  }

  @Override
  public String toString() {
    return "PkceLogin{" + authorizeUrl.host() + ", client=" + endpoint.clientId() + "}";
  }

  /** Builds a {@link PkceLogin}. */
  public static final class Builder {
    private final TokenEndpointClient endpoint;
    private final HttpUrl authorizeUrl;
    private final List<String> scopes = new ArrayList<>();
    private String callbackPath = "/callback";
    private Duration timeout = Duration.ofMinutes(5);
    private SecureRandom random = new SecureRandom();

    private Builder(TokenEndpointClient endpoint, HttpUrl authorizeUrl) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      this.authorizeUrl = Objects.requireNonNull(authorizeUrl, "authorizeUrl");
      if (!authorizeUrl.isHttps()) {
        throw new InvalidRequestException("authorizeUrl", "The authorization endpoint must be https, was " + authorizeUrl.scheme());
      }
    }

    /** Scopes to ask for (none by default: the provider's default for the app). */
    public Builder scopes(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** The path of the redirect URI on the loopback listener (default {@code /callback}). */
    public Builder callbackPath(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.matches("/[A-Za-z0-9._~/-]*")) {
        throw new InvalidRequestException("callbackPath", "callbackPath must be a plain path such as /callback, was " + path);
      }
      this.callbackPath = path;
      return this;
    }

    /** How long the user has to log in (default 5 minutes). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("timeout", "timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The randomness for the verifier and state (default a new {@link SecureRandom}). */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Builds the login. */
    public PkceLogin build() {
      return new PkceLogin(this);
    }
  }
}
