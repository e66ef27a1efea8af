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
  private long nextFamily = 1;

  /** Creates a server on the sandbox's {@code clock}. */
  public OAuthServer(Clock clock, OAuthSettings settings) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  private record Client(String id, byte[] secret, Set<String> scopes) {}

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
    for (String name : new String[] {"grant_type", "client_id", "client_secret", "refresh_token", "scope"}) {
      if (request.formParameterRepeated(name)) {
        return error(400, "invalid_request", "Parameter " + name + " must not be repeated");
      }
    }
    Map<String, String> form = request.form();
    Optional<String> basic = request.header("Authorization");
    if (basic.isPresent() && form.containsKey("client_secret")) {
      return error(400, "invalid_request", "Use one client authentication method, not both Basic and client_secret");
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
