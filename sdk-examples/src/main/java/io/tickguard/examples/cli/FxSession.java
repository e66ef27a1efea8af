package io.tickguard.examples.cli;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.FileTokenStore;
import io.tickguard.forex.ForexMarketData;
import io.tickguard.forex.insightease.InsighteaseForexClient;
import io.tickguard.forex.oanda.OandaClient;
import io.tickguard.forex.oanda.OandaEnvironment;
import io.tickguard.forex.oanda.OandaKeys;
import io.tickguard.forex.saxo.SaxoClient;
import io.tickguard.forex.saxo.SaxoUrls;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.saxo.SaxoRoutes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One connected forex client for one {@code fx} command: to a freshly started embedded sandbox over
 * pinned TLS with its demo credentials (Saxo's demo user logged in through the sandbox's login
 * page), or to a remote endpoint with the user's token, api_key or stored Saxo session.
 */
final class FxSession implements AutoCloseable {
  private final FxProvider provider;
  private final ForexMarketData client;
  private final Optional<SandboxServer> sandbox;

  private FxSession(FxProvider provider, ForexMarketData client, Optional<SandboxServer> sandbox) {
    this.provider = provider;
    this.client = client;
    this.sandbox = sandbox;
  }

  /**
   * Connects as the options say.
   *
   * @throws ConfigurationException when a token, key file, CA file or Saxo session is missing or unusable
   */
  static FxSession open(CliContext context, FxConnectionOptions connection, OutputOptions output) {
    FxProvider provider = connection.provider();
    AuditTrail audit = new AuditTrail(context.err(), output.verbose);
    if (connection.embedded()) {
      SandboxServer server = Progress.during(context, "starting the embedded " + provider.id() + " sandbox",
          () -> context.sandboxes().startOrFail("the embedded " + provider.id() + " sandbox", List.of(provider.sandbox()), connection.seed, 0));
      try {
        ClientConfig config = connection.egress(server.clientConfigBuilder(), context).callTimeout(connection.timeout).metrics(audit).build();
        ForexMarketData client = switch (provider) {
          case OANDA -> OandaClient.builder().config(config).credentials(OandaKeys.token(OandaRoutes.DEMO_TOKEN))
              .accountId(OandaRoutes.DEMO_ACCOUNT).build();
          case INSIGHTEASE -> InsighteaseForexClient.builder().config(config)
              .credentials(InsighteaseKeys.apiKey(SandboxServer.DEMO_API_KEY)).build();
          case SAXO -> {
            SaxoClient saxo = SaxoClient.builder().appKey(SaxoRoutes.CLIENT_ID).urls(saxoUrls(HttpUrl.get(server.baseUrl())))
                .config(config).loginTimeout(connection.timeout).build();
            try {
              saxo.login(new SandboxBrowser(server.tlsConfig()));
            } catch (RuntimeException e) {
              saxo.close();
              throw e;
            }
            yield saxo;
          }
        };
        context.err().println("sandbox: " + provider.id() + " format at " + server.baseUrl()
            + " (pinned TLS, demo credentials; --live for the real " + provider.id() + ")");
        return new FxSession(provider, client, Optional.of(server));
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    String url = connection.baseUrl != null ? connection.baseUrl : defaultBaseUrl(provider);
    ClientConfig config = connection.egress(ClientConfig.builder(url), context).callTimeout(connection.timeout).metrics(audit)
        .tls(MarketSession.tls(connection.caFile, connection.pins, EndpointOptions.host(url))).build();
    return new FxSession(provider, remote(provider, config, connection, context.env()), Optional.empty());
  }

  private static ForexMarketData remote(FxProvider provider, ClientConfig config, FxConnectionOptions connection,
      Map<String, String> env) {
    return switch (provider) {
      case OANDA -> {
        Secret token = secret(provider, connection, env);
        String account = variable(env, provider.accountVariable()).orElseThrow(() -> new ConfigurationException(
            provider.accountVariable() + " is not set: export " + provider.accountVariable() + "=... (the v20 account whose prices are asked)"));
        yield OandaClient.builder().config(config).credentials(OandaKeys.token(token)).accountId(account).build();
      }
      case INSIGHTEASE -> InsighteaseForexClient.builder().config(config)
          .credentials(InsighteaseKeys.apiKey(secret(provider, connection, env))).build();
      case SAXO -> {
        SaxoClient saxo = saxoClient(env, connection.live ? SaxoUrls.simulation() : saxoUrls(config.baseUrl()), config,
            connection.tokenFile());
        if (!saxo.hasSession()) {
          saxo.close();
          throw new ConfigurationException("no Saxo session in " + connection.tokenFile()
              + ": log in first with: tickguard login saxo" + (connection.live ? " --live" : " --base-url " + connection.baseUrl));
        }
        yield saxo;
      }
    };
  }

  /** A Saxo client for the app key in {@code SAXO_APP_KEY}, its session in the owner-only {@code tokenFile}. */
  static SaxoClient saxoClient(Map<String, String> env, SaxoUrls urls, ClientConfig config, java.nio.file.Path tokenFile) {
    return saxoClientBuilder(env, urls, config, tokenFile).build();
  }

  /** As {@link #saxoClient}, unbuilt. */
  static SaxoClient.Builder saxoClientBuilder(Map<String, String> env, SaxoUrls urls, ClientConfig config, java.nio.file.Path tokenFile) {
    String appKey = variable(env, FxProvider.SAXO.secretVariable()).orElseThrow(() -> new ConfigurationException(
        FxProvider.SAXO.secretVariable() + " is not set: " + FxProvider.SAXO.credentialHelp()));
    try {
      return SaxoClient.builder().appKey(appKey).urls(urls).config(config).tokenStore(new FileTokenStore(tokenFile));
    } catch (io.tickguard.core.InvalidRequestException e) {
      throw new ConfigurationException(FxProvider.SAXO.secretVariable() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Saxo's endpoints on a server laid out as the TickGuard sandbox: OpenAPI under {@code /sim/openapi/},
   * streaming under {@code /sim/oapi/}, the login pages under {@code /saxo/logon/}.
   */
  static SaxoUrls saxoUrls(HttpUrl base) {
    return SaxoUrls.of(resolve(base, SaxoRoutes.OPENAPI + "/"), resolve(base, SaxoRoutes.STREAMING + "/"),
        resolve(base, SaxoRoutes.AUTHORIZE_PATH), resolve(base, SaxoRoutes.TOKEN_PATH));
  }

  private static String resolve(HttpUrl base, String path) {
    HttpUrl url = base.resolve(path);
    if (url == null) {
      throw new ConfigurationException("--base-url " + base + " cannot carry the Saxo path " + path);
    }
    return url.toString();
  }

  private static String defaultBaseUrl(FxProvider provider) {
    return switch (provider) {
      case OANDA -> OandaEnvironment.PRACTICE.restUrl();
      case INSIGHTEASE -> InsighteaseForexClient.DEFAULT_BASE_URL;
      case SAXO -> "https://gateway.saxobank.com/sim/openapi/";
    };
  }

  private static Secret secret(FxProvider provider, FxConnectionOptions connection, Map<String, String> env) {
    if (connection.keyFile().isPresent()) {
      try {
        return Secret.fromFile(connection.keyFile().get());
      } catch (io.tickguard.core.ConfigurationException e) {
        throw new ConfigurationException("--key-file: " + e.getMessage(), e);
      }
    }
    if (variable(env, provider.secretVariable()).isEmpty()) {
      throw new ConfigurationException(provider.id() + " needs its credentials: " + provider.credentialHelp()
          + " or pass --key-file FILE, or drop --live/--base-url to use the sandbox's demo credentials");
    }
    return Secret.fromEnv(provider.secretVariable(), env);
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  FxProvider provider() {
    return provider;
  }

  ForexMarketData client() {
    return client;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      sandbox.ifPresent(SandboxServer::close);
    }
  }
}
