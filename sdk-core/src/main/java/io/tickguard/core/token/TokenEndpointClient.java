package io.tickguard.core.token;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.json.StrictJson;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.observe.internal.AuditLogger;
import java.util.regex.Pattern;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.internal.OAuthErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to an OAuth 2.0 token endpoint (RFC 6749): the {@code client_credentials}, {@code
 * refresh_token} and {@code authorization_code} (with the PKCE {@code code_verifier}, RFC 7636)
 * grants, with client authentication by HTTP Basic or in the form body, or none for a public client.
 *
 * <p>It uses the {@link OkHttpClient} it is given (the client's TLS-verified one) with the same
 * guarantees as an API call: {@code https://} only (plain HTTP only for a loopback host with {@link
 * Builder#allowPlaintextLoopback}), a whole-call deadline ({@link Builder#callTimeout}, default 30 s),
 * no redirects, and a token request is never resent by OkHttp's retry on connection failure (with
 * refresh-token rotation a resend would spend the old refresh token twice, and a provider that
 * detects reuse revokes the session). It parses with the strict mapper ({@link StrictJson}: JSON
 * object, no duplicate keys, {@code token_type} Bearer, positive {@code expires_in}, bounded size),
 * refuses an access token that could not travel in an {@code Authorization} header (RFC 6750
 * {@code b64token} characters only), maps RFC 6749 section 5.2 errors to typed exceptions and writes
 * one audit line per request ({@code io.tickguard.audit}, endpoint {@code oauth_token}). Tokens never
 * appear in its messages.
 */
public final class TokenEndpointClient {
  private static final long MAX_BODY_BYTES = 64 * 1024;
  /** Longer than any real access token lives; a larger expires_in is a broken (or hostile) answer. */
  private static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(3650).toSeconds();
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  private final OkHttpClient http;
  private final HttpUrl tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final ClientAuthentication clientAuthentication;
  private final List<String> scopes;
  private final Clock clock;
  private final Duration defaultLifetime;
  private final JsonMapper json = StrictJson.mapper();
  private final AuditLogger audit = new AuditLogger();

  private TokenEndpointClient(Builder b) {
    this.http = Objects.requireNonNull(b.http, "http").newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .callTimeout(b.callTimeout)
        .build();
    this.tokenUrl = Objects.requireNonNull(b.tokenUrl, "tokenUrl");
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.clientSecret = b.clientSecret;
    this.clientAuthentication = b.clientAuthentication;
    this.scopes = List.copyOf(b.scopes);
    this.clock = b.clock;
    this.defaultLifetime = b.defaultLifetime;
  }

  /**
   * Starts a builder.
   *
   * @param http the client's shared, TLS-verified {@link OkHttpClient}
   * @param tokenUrl the token endpoint
   * @param clientId the OAuth client id
   */
  public static Builder builder(OkHttpClient http, HttpUrl tokenUrl, String clientId) {
    return new Builder(http, tokenUrl, clientId);
  }

  /** Runs the {@code client_credentials} grant. */
  public TokenGrant clientCredentials() {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (!scopes.isEmpty()) {
      form.add("scope", String.join(" ", scopes));
    }
    return exchange(form);
  }

  /** Runs the {@code refresh_token} grant with {@code refreshToken}. */
  public TokenGrant refresh(Secret refreshToken) {
    char[] token = refreshToken.chars();
    try {
      FormBody.Builder form = new FormBody.Builder()
          .add("grant_type", "refresh_token")
          .add("refresh_token", new String(token));
      return exchange(form);
    } finally {
      Arrays.fill(token, '\0');
    }
  }

  /**
   * Runs the {@code authorization_code} grant (RFC 6749 section 4.1.3) with the PKCE {@code
   * code_verifier} (RFC 7636 section 4.5): {@code redirectUri} must be exactly the one the
   * authorization request carried, port included.
   */
  public TokenGrant authorizationCode(Secret code, String redirectUri, Secret codeVerifier) {
    Objects.requireNonNull(redirectUri, "redirectUri");
    char[] c = code.chars();
    char[] v = codeVerifier.chars();
    try {
      FormBody.Builder form = new FormBody.Builder()
          .add("grant_type", "authorization_code")
          .add("code", new String(c))
          .add("redirect_uri", redirectUri)
          .add("code_verifier", new String(v));
      return exchange(form);
    } finally {
      Arrays.fill(c, '\0');
      Arrays.fill(v, '\0');
    }
  }

  /** The OAuth client id this endpoint client identifies as. */
  public String clientId() {
    return clientId;
  }

  private TokenGrant exchange(FormBody.Builder form) {
    Request.Builder request = new Request.Builder().url(tokenUrl).header("Accept", "application/json");
    if (clientAuthentication == ClientAuthentication.FORM_BODY) {
      form.add("client_id", clientId);
      if (clientSecret != null) {
        form.add("client_secret", new String(clientSecret.chars()));
      }
    } else if (clientSecret != null) {
      request.header("Authorization", basic());
    } else {
      form.add("client_id", clientId); // public client: identifies itself, no secret
    }
    Request built = request.post(form.build()).build();
    long sentAt = clock.millis();
    long started = System.nanoTime();
    int status = 0;
    String requestId = null;
    String failure = null;
    try (Response response = http.newCall(built).execute()) {
      status = response.code();
      requestId = response.header("X-Request-Id");
      JsonNode body = parse(response, requestId);
      if (!response.isSuccessful()) {
        ErrorDetails details = ErrorDetails.ofStatus(response.code(), requestId);
        throw OAuthErrors.map(
            response.code(), text(body, "error", details), text(body, "error_description", details), requestId);
      }
      return grant(body, sentAt, response.code(), requestId);
    } catch (IOException e) {
      failure = e.getClass().getSimpleName();
      // A refresh that may have reached the server may have rotated the refresh token.
      boolean maybeSent = !(e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException);
      throw new TransportException("Token endpoint " + tokenUrl.host() + " failed: " + failure
          + "; the token request is not resent automatically", maybeSent, Redactor.standard().sanitize(e));
    } catch (RuntimeException e) {
      failure = e.getClass().getSimpleName();
      throw e;
    } finally {
      audit.log(new AttemptEvent("oauth_token", "POST", tokenUrl.host(), tokenUrl.encodedPath(), 1, status,
          Duration.ofNanos(System.nanoTime() - started), Duration.ZERO, requestId, failure));
    }
  }

  /** RFC 6749 2.3.1: id and secret are form-urlencoded before the Basic encoding. */
  private String basic() {
    char[] secret = clientSecret.chars();
    try {
      String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
          + URLEncoder.encode(new String(secret), StandardCharsets.UTF_8);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private JsonNode parse(Response response, String requestId) throws IOException {
    ResponseBody body = response.body();
    ErrorDetails details = ErrorDetails.ofStatus(response.code(), requestId);
    String type = Objects.requireNonNullElse(response.header("Content-Type"), "");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      if (!response.isSuccessful()) {
        throw OAuthErrors.map(response.code(), null, null, requestId);
      }
      throw new InvalidResponseException("Content-Type", "Token endpoint answered " + type + ", expected application/json", details, null);
    }
    if (body.contentLength() > MAX_BODY_BYTES) {
      throw new InvalidResponseException("body", "Token response larger than " + MAX_BODY_BYTES + " bytes", details, null);
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new InvalidResponseException("body", "Token response larger than " + MAX_BODY_BYTES + " bytes", details, null);
      }
      JsonNode node = json.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidResponseException("body", "Token response is not a JSON object", details, null);
      }
      return node;
    } catch (JacksonException e) {
      // The parser's message may quote the body (and so a token): keep only the type.
      throw new InvalidResponseException("body", "Token response is not valid JSON (" + e.getClass().getSimpleName() + ")", details, null);
    } catch (NumberFormatException | ArithmeticException e) {
      // Jackson reports a number beyond any decimal's range (1E+2147483648) this way, not as JacksonException.
      throw new InvalidResponseException("body", "Token response holds a number beyond any decimal's range", details, null);
    }
  }

  private TokenGrant grant(JsonNode body, long sentAt, int status, String requestId) {
    ErrorDetails details = ErrorDetails.ofStatus(status, requestId);
    String accessToken = text(body, "access_token", details);
    if (accessToken == null || accessToken.isEmpty()) {
      throw new InvalidResponseException("access_token", "Token response has no access_token", details, null);
    }
    if (!B64TOKEN.matcher(accessToken).matches()) {
      // CR, LF, spaces or non-ASCII would make every later call fail inside OkHttp until expiry.
      throw new InvalidResponseException("access_token",
          "Token response access_token contains characters an Authorization header cannot carry"
              + " (RFC 6750 b64token: letters, digits and -._~+/ then '='); the token endpoint is broken", details, null);
    }
    String tokenType = text(body, "token_type", details);
    if (tokenType == null || !tokenType.equalsIgnoreCase("Bearer")) {
      throw new InvalidResponseException("token_type", "Token response token_type must be Bearer", details, null);
    }
    Duration lifetime = defaultLifetime;
    JsonNode expiresIn = body.get("expires_in");
    if (expiresIn != null && !expiresIn.isNull()) {
      if (!expiresIn.isIntegralNumber() || !expiresIn.canConvertToLong() || expiresIn.longValue() <= 0) {
        throw new InvalidResponseException("expires_in", "Token response expires_in must be a positive integer", details, null);
      }
      if (expiresIn.longValue() > MAX_EXPIRES_IN_SECONDS) {
        throw new InvalidResponseException("expires_in", "Token response expires_in is larger than "
            + MAX_EXPIRES_IN_SECONDS + " seconds (10 years); the token endpoint's answer is broken", details, null);
      }
      lifetime = Duration.ofSeconds(expiresIn.longValue());
    }
    Set<String> granted = new LinkedHashSet<>();
    String scope = text(body, "scope", details);
    if (scope != null) {
      granted.addAll(Arrays.asList(scope.trim().split(" +")));
    } else {
      granted.addAll(scopes);
    }
    // Lifetime counts from when the request was sent: the safe side of the round trip.
    AccessToken access = new AccessToken(
        Secret.ofBytes(accessToken.getBytes(StandardCharsets.UTF_8)),
        java.time.Instant.ofEpochMilli(sentAt).plus(lifetime), granted);
    String refresh = text(body, "refresh_token", details);
    return new TokenGrant(access, refresh == null || refresh.isEmpty()
        ? null : Secret.ofBytes(refresh.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The string value of {@code field}, or {@code null} when absent. A value of another JSON type is
   * a malformed response (the server broke RFC 6749 section 5.1), not a credentials problem: it is
   * reported as {@link InvalidResponseException} naming the field, so callers do not rotate keys
   * that were never refused. The value itself is not quoted: it may be a token.
   */
  private static String text(JsonNode body, String field, ErrorDetails details) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new InvalidResponseException(
          field, "Token response field " + field + " must be a JSON string, not " + node.getNodeType(), details, null);
    }
    return node.stringValue();
  }

  @Override
  public String toString() {
    return "TokenEndpointClient{" + tokenUrl.host() + ", client=" + clientId + "}";
  }

  /** Builds a {@link TokenEndpointClient}. */
  public static final class Builder {
    private final OkHttpClient http;
    private final HttpUrl tokenUrl;
    private final String clientId;
    private Secret clientSecret;
    private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
    private final Set<String> scopes = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private Duration defaultLifetime = Duration.ofMinutes(5);
    private Duration callTimeout = Duration.ofSeconds(30);
    private boolean plaintextLoopback;

    private Builder(OkHttpClient http, HttpUrl tokenUrl, String clientId) {
      this.http = http;
      this.tokenUrl = tokenUrl;
      this.clientId = clientId;
    }

    /** The client secret of a confidential client. */
    public Builder clientSecret(Secret secret) {
      this.clientSecret = Objects.requireNonNull(secret, "secret");
      return this;
    }

    /** How the client authenticates (default {@link ClientAuthentication#BASIC}). */
    public Builder clientAuthentication(ClientAuthentication how) {
      this.clientAuthentication = Objects.requireNonNull(how, "how");
      return this;
    }

    /** Scopes to request with {@code client_credentials}. */
    public Builder scopes(String... scopes) {
      this.scopes.addAll(Arrays.asList(scopes));
      return this;
    }

    /** The clock expiry times are computed with. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Bounds the whole token request, connect to last byte (default 30 s). */
    public Builder callTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "callTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidRequestException("callTimeout", "callTimeout must be positive (unbounded waits are not allowed)");
      }
      this.callTimeout = timeout;
      return this;
    }

    /** Allows an {@code http://} token URL for a loopback host only (local sandboxes and tests). */
    public Builder allowPlaintextLoopback(boolean allow) {
      this.plaintextLoopback = allow;
      return this;
    }

    /** Lifetime assumed when the server omits {@code expires_in} (default 5 minutes). */
    public Builder defaultLifetime(Duration lifetime) {
      this.defaultLifetime = Objects.requireNonNull(lifetime, "lifetime");
      return this;
    }

    public TokenEndpointClient build() {
      if (tokenUrl != null && !tokenUrl.isHttps() && !(plaintextLoopback && ClientConfig.Builder.isLoopback(tokenUrl.host()))) {
        throw new InvalidRequestException("tokenUrl", "Refusing plain-HTTP token URL for host " + tokenUrl.host()
            + ": use https://. Plain HTTP is only possible for a loopback host with allowPlaintextLoopback(true)");
      }
      return new TokenEndpointClient(this);
    }
  }
}
