package io.tickguard.examples.programs;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.FileTokenStore;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.testkit.SandboxServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * An OAuth 2.0 session whose refresh token survives restarts in an owner-only file: the sandbox's
 * OAuth server by default. Run it twice: the second run resumes from the stored refresh token.
 * With {@code --live}, the provider comes from {@code OAUTH_TOKEN_URL}, {@code OAUTH_CLIENT_ID},
 * {@code OAUTH_CLIENT_SECRET} and {@code OAUTH_API_URL}.
 *
 * <pre>java -cp sdk-examples/target/tickguard.jar io.tickguard.examples.programs.OAuthSessionExample [--live] [TOKEN_FILE]</pre>
 */
public final class OAuthSessionExample {
  static final Endpoint ACCOUNT = Endpoint.builder("oauthAccount", HttpMethod.GET, "/demo/v1/oauth/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.BEARER).build();

  private OAuthSessionExample() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out));
  }

  /** Runs the example; 0 when the protected call answered. */
  public static int run(List<String> args, PrintStream out) {
    Path tokenFile = Path.of(args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse("oauth-refresh.token"));
    if (args.contains("--live")) {
      ClientConfig config = ClientConfig.builder(System.getenv("OAUTH_API_URL")).build();
      return session(config, HttpUrl.get(System.getenv("OAUTH_TOKEN_URL")), System.getenv("OAUTH_CLIENT_ID"),
          Secret.fromEnv("OAUTH_CLIENT_SECRET"), tokenFile, out);
    }
    try (SandboxServer sandbox = SandboxServer.builder().start()) {
      return session(sandbox.clientConfig(), sandbox.tokenUrl(), SandboxServer.DEMO_OAUTH_CLIENT_ID,
          Secret.ofBytes(SandboxServer.DEMO_OAUTH_CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)), tokenFile, out);
    }
  }

  private static int session(ClientConfig config, HttpUrl tokenUrl, String clientId, Secret clientSecret, Path tokenFile,
      PrintStream out) {
    try (ApiClient plain = ApiClient.builder(config).build()) {
      TokenEndpointClient endpoint = TokenEndpointClient.builder(plain.httpClient(), tokenUrl, clientId)
          .clientSecret(clientSecret).scopes("account_read").build();
      TokenManager tokens = TokenManager.builder(endpoint).store(new FileTokenStore(tokenFile)).build();
      try (ApiClient api = ApiClient.builder(config)
          .authenticator(new BearerAuthenticator(tokens, Set.of(Scope.ACCOUNT_READ))).build()) {
        JsonNode account = api.execute(ACCOUNT.request().build(), ApiResponse::json);
        out.println("account answered with " + account.get("balances").size() + " balances; refresh token kept in " + tokenFile);
      }
    }
    return 0;
  }
}
