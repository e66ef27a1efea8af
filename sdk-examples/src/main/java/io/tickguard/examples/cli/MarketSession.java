package io.tickguard.examples.cli;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.tls.TrustRoots;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.testkit.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * One connected client for one command: to a freshly started embedded sandbox over pinned TLS with
 * its demo key, or to a remote endpoint with the user's key. Closing it closes both.
 */
final class MarketSession implements AutoCloseable {
  private final Provider provider;
  private final CryptoMarketData client;
  private final Optional<SandboxServer> sandbox;
  private final ClientConfig config;
  private final boolean authenticated;
  private final AuditTrail audit;
  private String streamBaseUrl;
  private TickerPreparation preparation;

  private MarketSession(Provider provider, CryptoMarketData client, Optional<SandboxServer> sandbox, ClientConfig config,
      boolean authenticated, AuditTrail audit) {
    this.provider = provider;
    this.client = client;
    this.sandbox = sandbox;
    this.config = config;
    this.authenticated = authenticated;
    this.audit = audit;
  }

  /**
   * Connects as the options say.
   *
   * @param keyNeededBy when not null, the command needs a key and this names it in the error
   * @param firstTickers the symbols whose tickers the command asks for first: an embedded sandbox
   *     prepares their 24-hour statistics on a second thread while the client is built
   * @throws ConfigurationException when a key, key file or CA file is missing or unusable
   */
  static MarketSession open(CliContext context, ConnectionOptions connection, OutputOptions output, String keyNeededBy,
      List<Symbol> firstTickers) {
    Provider provider = connection.provider();
    AuditTrail audit = new AuditTrail(context.err(), output.verbose);
    if (connection.embedded()) {
      SandboxServer server = Progress.during(context, "starting the embedded " + provider.id() + " sandbox",
          () -> context.sandboxes().startOrFail("the embedded " + provider.id() + " sandbox", List.of(provider.sandbox()), connection.seed, 0));
      TickerPreparation preparation = TickerPreparation.start(server.market(), firstTickers);
      try {
        ClientConfig config = connection.egress(server.clientConfigBuilder(), context).callTimeout(connection.timeout).metrics(audit)
            .security(io.tickguard.core.security.SecurityOptions.builder().listener(audit).build()).build();
        CryptoMarketData client = ProviderClients.client(provider, config, Optional.of(ProviderClients.sandboxKey(provider)));
        context.err().println("sandbox: " + provider.id() + " format at " + server.baseUrl()
            + " (pinned TLS, demo keys; --live for the real " + provider.id() + ")");
        MarketSession session = new MarketSession(provider, client, Optional.of(server), config, true, audit);
        session.preparation = preparation;
        return session;
      } catch (RuntimeException e) {
        try {
          preparation.close();
        } finally {
          server.close();
        }
        throw e;
      }
    }
    Optional<ProviderKey> key = ProviderKey.read(provider, context.env(), connection.keyFile());
    if (key.isEmpty() && keyNeededBy != null) {
      throw ProviderKey.missing(provider, keyNeededBy + " needs " + provider.id() + " credentials");
    }
    if (key.isEmpty() && provider.keyRequiredForEveryCall()) {
      throw ProviderKey.missing(provider, provider.id() + " needs its key for every call");
    }
    String url = connection.baseUrl != null ? connection.baseUrl : ProviderClients.defaultBaseUrl(provider);
    ClientConfig config = connection.egress(ClientConfig.builder(url), context).callTimeout(connection.timeout).metrics(audit)
            .security(io.tickguard.core.security.SecurityOptions.builder().listener(audit).build())
        .tls(tls(connection.caFile, connection.pins, EndpointOptions.host(url))).build();
    MarketSession session = new MarketSession(provider, ProviderClients.client(provider, config, key), Optional.empty(), config,
        key.isPresent(), audit);
    session.streamBaseUrl = connection.baseUrl; // --base-url (a standalone sandbox) serves its streams too
    return session;
  }

  /** The TLS settings of {@code --ca-file} and {@code --pin} for {@code host} (crypto and forex commands). */
  static TlsConfig tls(java.nio.file.Path caFile, List<String> pins, String host) {
    TlsConfig.Builder tls = TlsConfig.builder();
    if (caFile != null) {
      try {
        tls.trustRoots(TrustRoots.onlyPem(Files.readAllBytes(caFile)));
      } catch (IOException e) {
        throw new ConfigurationException("--ca-file " + caFile + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
      } catch (RuntimeException e) {
        throw new ConfigurationException("--ca-file " + caFile + " holds no usable PEM certificate: " + e.getMessage(), e);
      }
    }
    if (!pins.isEmpty()) {
      tls.pin(host, pins);
    }
    return tls.build();
  }

  Provider provider() {
    return provider;
  }

  CryptoMarketData client() {
    return client;
  }

  /** The embedded sandbox, when the session runs against one. */
  Optional<SandboxServer> sandbox() {
    return sandbox;
  }

  /**
   * A builder of the provider's WebSocket market streams, at the sandbox or {@code --base-url} when
   * given, else at the provider's stream host; empty when the provider has none (commands poll).
   */
  Optional<MarketStreamBuilder<?>> streams() {
    Optional<String> url = sandbox.isPresent() ? Optional.of(sandbox.get().baseUrl()) : Optional.ofNullable(streamBaseUrl);
    return ProviderClients.streams(client, url);
  }

  ClientConfig config() {
    return config;
  }

  /** Whether the client holds a key (the sandbox's demo key or the user's). */
  boolean authenticated() {
    return authenticated;
  }

  AuditTrail audit() {
    return audit;
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      try {
        if (preparation != null) {
          preparation.close();
        }
      } finally {
        sandbox.ifPresent(SandboxServer::close);
      }
    }
  }
}
