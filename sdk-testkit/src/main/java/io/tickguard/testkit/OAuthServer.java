package io.tickguard.testkit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * A strict OAuth 2.0 authorization server (RFC 6749) with the protection a real one needs: the
 * {@code client_credentials} and {@code refresh_token} grants, client authentication by HTTP Basic
 * (form-urlencoded before base64, RFC 6749 2.3.1) or form fields, short-lived access tokens on the
 * server's clock, refresh tokens that rotate on every use, and reuse detection: presenting a refresh
 * token a second time revokes its whole family, access tokens included (RFC 9700 section 4.14).
 * Errors are RFC 6749 5.2 JSON. {@link #challenge} guards protected resources (RFC 6750).
 *
 * <p>Public clients (native apps, {@link #registerPublicClient}) log users in with the authorization
 * code grant and PKCE: {@link #authorize} checks the client, the redirect URI (a loopback one may
 * use any port, RFC 8252 section 7.3) and an {@code S256} challenge ({@code plain} is refused), then
 * logs the demo user in at once and redirects with a code that lives one minute and works once; the
 * token request must carry the same redirect URI and the verifier whose SHA-256 is the challenge
 * (RFC 7636 section 4.6). A code presented twice revokes what it issued (RFC 6749 section 4.1.2).
 *
 * <p>Thread-safe; token operations are serialized, which is what makes rotation race-free.
 */
public final class OAuthServer {
  private static final String REALM = "tickguard-sandbox";

  private final Clock clock;
  private final OAuthSettings settings;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Client> clients = new HashMap<>();
  private final Map<String, AccessRecord> accessTokens = new HashMap<>();
  private final Map<String, RefreshRecord> refreshTokens = new HashMap<>();
  private final Map<Long, Family> families = new HashMap<>();
  private final Map<String, PublicClient> publicClients = new HashMap<>();
  private final Map<String, CodeRecord> codes = new HashMap<>();
  private long nextFamily = 1;

  /** Creates a server on the sandbox's {@code clock}. */
  public OAuthServer(Clock clock, OAuthSettings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  private record Client(String id, byte[] secret, Set<String> scopes) {}

  private record PublicClient(String id, Set<String> scopes, Set<String> redirectUris) {}

  private static final class CodeRecord {
    final String clientId;
    final String redirectUri;
    final String challenge;
    final Set<String> scopes;
    final Instant expiresAt;
    long family = -1; // set once exchanged

    CodeRecord(String clientId, String redirectUri, String challenge, Set<String> scopes, Instant expiresAt) {
      this.clientId = clientId;
      this.redirectUri = redirectUri;
      this.challenge = challenge;
      this.scopes = scopes;
      this.expiresAt = expiresAt;
    }
  }

  private record AccessRecord(String clientId, Set<String> scopes, Instant expiresAt, long family) {}

  private record RefreshRecord(String clientId, Set<String> scopes, Instant expiresAt, long family) {}

  private static final class Family {
    boolean revoked;
    final Set<String> refreshTokens = new LinkedHashSet<>();
  }

  /** The settings in force. */
  public OAuthSettings settings() {
    return settings;
  }

  /** Registers a confidential client allowed the given scopes. */
  public synchronized void registerClient(String clientId, String clientSecret, Set<String> scopes) {
    clients.put(clientId, new Client(clientId, clientSecret.getBytes(StandardCharsets.UTF_8), Set.copyOf(scopes)));
  }

  /**
   * Registers a public client (no secret: a native app) allowed {@code scopes} and the given
   * redirect URIs; a loopback {@code http://127.0.0.1/...} or {@code http://localhost/...} URI
   * matches any port.
   */
  public synchronized void registerPublicClient(String clientId, Set<String> scopes, Set<String> redirectUris) {
    publicClients.put(clientId, new PublicClient(clientId, Set.copyOf(scopes), Set.copyOf(redirectUris)));
  }

  /**
   * Handles {@code GET /authorize}: validates the request and answers a 302 to the redirect URI with
   * a code and the state, as if the demo user had logged in. A request whose client or redirect URI
   * is not registered gets a 400 page and is never redirected (RFC 6749 section 4.1.2.1).
   */
  public synchronized SandboxResponse authorize(SandboxRequest request) {
    String clientId = request.query("client_id").orElse("");
    String redirectUri = request.query("redirect_uri").orElse("");
    PublicClient client = publicClients.get(clientId);
    if (client == null || !redirectAllowed(client, redirectUri)) {
      return SandboxResponse.of(400, "text/plain; charset=utf-8",
          "Unknown client_id or unregistered redirect_uri".getBytes(StandardCharsets.UTF_8));
    }
    String state = request.query("state").orElse("");
    if (!request.query("response_type").orElse("").equals("code")) {
      return redirectError(redirectUri, state, "unsupported_response_type");
    }
    String challenge = request.query("code_challenge").orElse("");
    if (!request.query("code_challenge_method").orElse("").equals("S256") || !challenge.matches("[A-Za-z0-9_-]{43}")) {
      return redirectError(redirectUri, state, "invalid_request");
    }
    Set<String> scopes = requestedScopes(request.query("scope").orElse(null), client.scopes());
    if (scopes == null) {
      return redirectError(redirectUri, state, "invalid_scope");
    }
    String code = newToken();
    codes.put(code, new CodeRecord(clientId, redirectUri, challenge, scopes, clock.instant().plusSeconds(60)));
    okhttp3.HttpUrl.Builder target = okhttp3.HttpUrl.get(redirectUri).newBuilder().addQueryParameter("code", code);
    if (!state.isEmpty()) {
      target.addQueryParameter("state", state);
    }
    return SandboxResponse.of(302, null, new byte[0]).withHeader("Location", target.build().toString())
        .withHeader("Cache-Control", "no-store");
  }

  /**
   * When the access token in {@code request}'s {@code Authorization: Bearer} header expires, if it is
   * a known, unrevoked and unexpired token granting {@code scope}.
   */
  public synchronized Optional<Instant> bearerExpiry(SandboxRequest request, String scope) {
    if (challenge(request, scope).isPresent()) {
      return Optional.empty();
    }
    String header = request.header("Authorization").orElse("");
    return Optional.of(accessTokens.get(header.substring(7).trim()).expiresAt());
  }

  /** Whether {@code accessToken} is still usable (known, unrevoked, unexpired). */
  public synchronized boolean stillValid(String accessToken) {
    AccessRecord token = accessTokens.get(accessToken);
    return token != null && !families.get(token.family()).revoked && clock.instant().isBefore(token.expiresAt());
  }

  /** Number of authorization codes issued so far. */
  public synchronized int issuedCodes() {
    return codes.size();
  }

  private static boolean redirectAllowed(PublicClient client, String redirectUri) {
    okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(redirectUri);
    if (url == null) {
      return false;
    }
    for (String allowed : client.redirectUris()) {
      okhttp3.HttpUrl a = okhttp3.HttpUrl.get(allowed);
      boolean loopback = a.scheme().equals("http") && (a.host().equals("127.0.0.1") || a.host().equals("localhost"));
      okhttp3.HttpUrl candidate = loopback ? url.newBuilder().port(a.port()).build() : url;
      if (candidate.equals(a)) {
        return true;
      }
    }
    return false;
  }

  private static SandboxResponse redirectError(String redirectUri, String state, String error) {
    okhttp3.HttpUrl.Builder target = okhttp3.HttpUrl.get(redirectUri).newBuilder().addQueryParameter("error", error);
    if (!state.isEmpty()) {
      target.addQueryParameter("state", state);
    }
    return SandboxResponse.of(302, null, new byte[0]).withHeader("Location", target.build().toString());
  }

  /** Revokes every token of the family {@code accessOrRefreshToken} belongs to. */
  public synchronized void revokeFamilyOf(String accessOrRefreshToken) {
    AccessRecord a = accessTokens.get(accessOrRefreshToken);
    RefreshRecord r = refreshTokens.get(accessOrRefreshToken);
    if (a != null) {
      families.get(a.family()).revoked = true;
    }
    if (r != null) {
      families.get(r.family()).revoked = true;
    }
  }

  /** Number of refresh-token families revoked so far (for tests of reuse detection). */
  public synchronized long revokedFamilies() {
    return families.values().stream().filter(f -> f.revoked).count();
  }

  /** Handles {@code POST /oauth2/token}. */
  public synchronized SandboxResponse token(SandboxRequest request) {
    if (!request.contentType().equals("application/x-www-form-urlencoded")) {
      return error(400, "invalid_request", "The token request must be application/x-www-form-urlencoded");
    }
    for (String name : new String[] {"grant_type", "client_id", "client_secret", "refresh_token", "scope", "code",
        "redirect_uri", "code_verifier"}) {
      if (request.formParameterRepeated(name)) {
        return error(400, "invalid_request", "Parameter " + name + " must not be repeated");
      }
    }
    Map<String, String> form = request.form();
    Optional<String> basic = request.header("Authorization");
    if (basic.isPresent() && form.containsKey("client_secret")) {
      return error(400, "invalid_request", "Use one client authentication method, not both Basic and client_secret");
    }
    if (basic.isEmpty() && !form.containsKey("client_secret") && publicClients.containsKey(form.get("client_id"))) {
      return publicClientToken(publicClients.get(form.get("client_id")), form);
    }
    Client client = authenticate(basic, form);
    if (client == null) {
      SandboxResponse refused = error(401, "invalid_client", "Client authentication failed");
      return basic.isPresent() ? refused.withHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"") : refused;
    }
    String grant = form.get("grant_type");
    if (grant == null || grant.isEmpty()) {
      return error(400, "invalid_request", "grant_type is required");
    }
    switch (grant) {
      case "client_credentials":
        return clientCredentials(client, form.get("scope"));
      case "refresh_token":
        return refresh(client, form.get("refresh_token"), form.get("scope"));
      default:
        return error(400, "unsupported_grant_type", "Grant type " + grant + " is not supported here");
    }
  }

  /**
   * The answer a protected resource gives when {@code request} lacks a valid access token granting
   * {@code scope}: 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} for an unknown,
   * expired or revoked token, 403 {@code insufficient_scope} for a missing scope. Empty when the
   * request may proceed.
   */
  public synchronized Optional<SandboxResponse> challenge(SandboxRequest request, String scope) {
    String header = request.header("Authorization").orElse("");
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(bearerError(401, null, "An access token is required"));
    }
    AccessRecord token = accessTokens.get(header.substring(7).trim());
    if (token == null) {
      return Optional.of(bearerError(401, "invalid_token", "The access token is unknown"));
    }
    if (families.get(token.family()).revoked) {
      return Optional.of(bearerError(401, "invalid_token", "The access token was revoked"));
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      return Optional.of(bearerError(401, "invalid_token", "The access token expired"));
    }
    if (!token.scopes().contains(scope)) {
      return Optional.of(bearerError(403, "insufficient_scope", "The access token lacks scope " + scope)
          .withHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }
    return Optional.empty();
  }

  /** The 401 a resource answers for an expired token, used by the expired-token fault as well. */
  public static SandboxResponse expiredTokenResponse() {
    return bearerError(401, "invalid_token", "The access token expired");
  }

  private Client authenticate(Optional<String> basic, Map<String, String> form) {
    String id;
    String secret;
    if (basic.isPresent()) {
      String value = basic.get();
      if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return null;
      }
      // RFC 6749 2.3.1: both parts were form-urlencoded before base64.
      id = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
    } else {
      id = form.get("client_id");
      secret = form.get("client_secret");
    }
    Client client = id == null ? null : clients.get(id);
    byte[] presented = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    byte[] expected = client == null ? new byte[32] : client.secret();
    // Compare even for an unknown client, so timing does not reveal which ids exist.
    boolean ok = java.security.MessageDigest.isEqual(expected, presented) && client != null && secret != null;
    Arrays.fill(presented, (byte) 0);
    return ok ? client : null;
  }

  private SandboxResponse publicClientToken(PublicClient client, Map<String, String> form) {
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code":
        return exchangeCode(client, form);
      case "refresh_token":
        return refresh(new Client(client.id(), new byte[0], client.scopes()), form.get("refresh_token"), form.get("scope"));
      default:
        // A public client cannot prove who it is: client_credentials is for confidential clients only.
        return error(400, "unauthorized_client", "A public client may use only authorization_code and refresh_token");
    }
  }

  private SandboxResponse exchangeCode(PublicClient client, Map<String, String> form) {
    String presented = form.get("code");
    CodeRecord record = presented == null ? null : codes.get(presented);
    if (record == null || !record.clientId.equals(client.id())) {
      return error(400, "invalid_grant", "The authorization code is invalid");
    }
    if (record.family >= 0) {
      // Used twice: someone replays an intercepted code. Revoke what the first use issued.
      families.get(record.family).revoked = true;
      return error(400, "invalid_grant", "The authorization code was already used; the tokens it issued are revoked");
    }
    if (!clock.instant().isBefore(record.expiresAt)) {
      return error(400, "invalid_grant", "The authorization code expired");
    }
    if (!record.redirectUri.equals(form.get("redirect_uri"))) {
      return error(400, "invalid_grant", "redirect_uri differs from the authorization request's");
    }
    String verifier = form.getOrDefault("code_verifier", "");
    if (!verifier.matches("[A-Za-z0-9._~-]{43,128}") || !java.security.MessageDigest.isEqual(
        s256(verifier).getBytes(StandardCharsets.US_ASCII), record.challenge.getBytes(StandardCharsets.US_ASCII))) {
      return error(400, "invalid_grant", "code_verifier does not match the code_challenge");
    }
    long family = nextFamily++;
    families.put(family, new Family());
    record.family = family;
    return issue(client.id(), record.scopes, family, true);
  }

  /** RFC 7636 4.6, written here from the RFC rather than shared with the client. */
  private static String s256(String verifier) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private SandboxResponse clientCredentials(Client client, String scopeParam) {
    Set<String> scopes = requestedScopes(scopeParam, client.scopes());
    if (scopes == null) {
      return error(400, "invalid_scope", "Requested scope exceeds what the client is allowed");
    }
    long family = nextFamily++;
    families.put(family, new Family());
    return issue(client.id(), scopes, family, settings.refreshTokenOnClientCredentials());
  }

  private SandboxResponse refresh(Client client, String presented, String scopeParam) {
    if (presented == null || presented.isEmpty()) {
      return error(400, "invalid_request", "refresh_token is required");
    }
    RefreshRecord record = refreshTokens.get(presented);
    if (record == null || !record.clientId().equals(client.id())) {
      return error(400, "invalid_grant", "The refresh token is invalid");
    }
    Family family = families.get(record.family());
    if (family.revoked) {
      return error(400, "invalid_grant", "The refresh token was revoked");
    }
    if (!family.refreshTokens.contains(presented)) {
      // Already rotated away: someone replays an old token. Assume theft, revoke the family.
      family.revoked = true;
      return error(400, "invalid_grant", "The refresh token was already used; its token family is revoked");
    }
    if (!clock.instant().isBefore(record.expiresAt())) {
      return error(400, "invalid_grant", "The refresh token expired");
    }
    Set<String> scopes = requestedScopes(scopeParam, record.scopes());
    if (scopes == null) {
      return error(400, "invalid_scope", "A refresh cannot widen the original scope");
    }
    family.refreshTokens.remove(presented);
    return issue(client.id(), scopes, record.family(), true);
  }

  /** The requested scopes, all of {@code allowed} when none requested, or {@code null} when too wide. */
  private static Set<String> requestedScopes(String scopeParam, Set<String> allowed) {
    if (scopeParam == null || scopeParam.isBlank()) {
      return allowed;
    }
    Set<String> requested = new LinkedHashSet<>(Arrays.asList(scopeParam.trim().split(" +")));
    return allowed.containsAll(requested) ? requested : null;
  }

  private SandboxResponse issue(String clientId, Set<String> scopes, long familyId, boolean withRefresh) {
    Instant now = clock.instant();
    String access = newToken();
    accessTokens.put(access, new AccessRecord(clientId, scopes, now.plus(settings.accessTokenTtl()), familyId));
    ObjectNode body = SandboxJson.object()
        .put("access_token", access)
        .put("token_type", "Bearer")
        .put("expires_in", settings.accessTokenTtl().toSeconds())
        .put("scope", String.join(" ", scopes));
    if (withRefresh) {
      String refresh = newToken();
      refreshTokens.put(refresh, new RefreshRecord(clientId, scopes, now.plus(settings.refreshTokenTtl()), familyId));
      families.get(familyId).refreshTokens.add(refresh);
      body.put("refresh_token", refresh);
      body.put("refresh_token_expires_in", settings.refreshTokenTtl().toSeconds());
    }
    return noStore(SandboxResponse.ok(body));
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static SandboxResponse error(int status, String code, String description) {
    return noStore(SandboxResponse.json(status,
        SandboxJson.object().put("error", code).put("error_description", description)));
  }

  private static SandboxResponse bearerError(int status, String code, String description) {
    String challenge = code == null
        ? "Bearer realm=\"" + REALM + "\""
        : "Bearer realm=\"" + REALM + "\", error=\"" + code + "\", error_description=\"" + description + "\"";
    ObjectNode body = SandboxJson.object().put("error", code == null ? "invalid_request" : code)
        .put("error_description", description);
    return SandboxResponse.json(status, body).withHeader("WWW-Authenticate", challenge);
  }

  private static SandboxResponse noStore(SandboxResponse response) {
    return response.withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
  }
}
