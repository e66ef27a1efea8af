package io.tickguard.examples.cli;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.market.MarketDataClientBuilder;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers the command line can query, how to build each client live (credentials from the
 * environment, never from arguments, so that they stay out of shell history and process lists) and
 * against an embedded sandbox with its demo credentials.
 */
enum Provider {
  BINANCE("BINANCE_API_KEY and BINANCE_API_SECRET (HMAC)"),
  KRAKEN("KRAKEN_API_KEY and KRAKEN_PRIVATE_KEY (base64, as issued)"),
  COINBASE("COINBASE_KEY_NAME and COINBASE_PRIVATE_KEY_FILE (EC PEM file, owner-readable only)"),
  INSIGHTEASE("INSIGHTEASE_API_KEY (required for every call)");

  private final String credentialHelp;

  Provider(String credentialHelp) {
    this.credentialHelp = credentialHelp;
  }

  static Optional<Provider> named(String name) {
    return Arrays.stream(values()).filter(p -> p.id().equals(name)).findFirst();
  }

  static List<String> names() {
    return Arrays.stream(values()).map(Provider::id).toList();
  }

  static String credentialHelp() {
    StringBuilder help = new StringBuilder();
    for (Provider p : values()) {
      help.append(String.format("  %-12s %s%n", p.id(), p.credentialHelp));
    }
    return help.toString().stripTrailing();
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A client of the real provider (or {@code baseUrl}), authenticated when its variables are set. */
  CryptoMarketData liveClient(Optional<String> baseUrl, Map<String, String> env) {
    return switch (this) {
      case BINANCE -> {
        BinanceClient.Builder b = at(BinanceClient.builder(), baseUrl);
        if (has(env, "BINANCE_API_KEY")) {
          b.credentials(ApiCredentials.hmac(env.get("BINANCE_API_KEY"), Secret.fromEnv("BINANCE_API_SECRET", env)));
        }
        yield b.build();
      }
      case KRAKEN -> {
        KrakenClient.Builder b = at(KrakenClient.builder(), baseUrl);
        if (has(env, "KRAKEN_API_KEY")) {
          b.credentials(ApiCredentials.hmac(env.get("KRAKEN_API_KEY"), Secret.fromEnv("KRAKEN_PRIVATE_KEY", env)));
        }
        yield b.build();
      }
      case COINBASE -> {
        CoinbaseClient.Builder b = at(CoinbaseClient.builder(), baseUrl);
        if (has(env, "COINBASE_KEY_NAME")) {
          if (!has(env, "COINBASE_PRIVATE_KEY_FILE")) {
            throw new UsageException("COINBASE_KEY_NAME is set but COINBASE_PRIVATE_KEY_FILE is not");
          }
          b.credentials(CoinbaseKeys.cdp(
              env.get("COINBASE_KEY_NAME"), Secret.fromFile(Path.of(env.get("COINBASE_PRIVATE_KEY_FILE")))));
        }
        yield b.build();
      }
      case INSIGHTEASE -> {
        if (!has(env, "INSIGHTEASE_API_KEY")) {
          throw new UsageException("Insightease needs INSIGHTEASE_API_KEY for every call (or use --sandbox)");
        }
        yield at(InsighteaseClient.builder(), baseUrl)
            .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_API_KEY", env))).build();
      }
    };
  }

  /** A sandbox with this provider's wire format only, over TLS pinned by {@link #sandboxClient}. */
  SandboxServer startSandbox() {
    ProviderSandbox sandbox = ProviderSandbox.named(id()).orElseThrow();
    return sandbox.install(SandboxServer.builder().demoRoutes(false)).start();
  }

  /** A client of {@code server} with the sandbox's demo credentials. */
  CryptoMarketData sandboxClient(SandboxServer server) {
    return switch (this) {
      case BINANCE -> BinanceClient.builder().config(server.clientConfig())
          .credentials(ApiCredentials.hmac(SandboxServer.DEMO_API_KEY, secret(SandboxServer.DEMO_API_SECRET))).build();
      case KRAKEN -> KrakenClient.builder().config(server.clientConfig())
          .credentials(ApiCredentials.hmac(ProviderSandbox.KRAKEN_API_KEY, secret(ProviderSandbox.KRAKEN_PRIVATE_KEY))).build();
      case COINBASE -> CoinbaseClient.builder().config(server.clientConfig())
          .credentials(CoinbaseKeys.cdp(ProviderSandbox.COINBASE_KEY_NAME, Secret.of(ProviderSandbox.coinbasePrivateKeyPem())))
          .build();
      case INSIGHTEASE -> InsighteaseClient.builder().config(server.clientConfig())
          .credentials(InsighteaseKeys.apiKey(SandboxServer.DEMO_API_KEY)).build();
    };
  }

  private static <B extends MarketDataClientBuilder<B>> B at(B builder, Optional<String> baseUrl) {
    baseUrl.ifPresent(builder::baseUrl);
    return builder;
  }

  private static boolean has(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isEmpty();
  }

  private static Secret secret(String value) {
    return Secret.of(value.toCharArray());
  }
}
