package io.tickguard.examples.cli;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.util.Optional;

/**
 * The one place that knows each provider client's builder: where it connects by default and how
 * its key is given. Everything else in the command line works on {@link CryptoMarketData}.
 */
final class ProviderClients {
  private ProviderClients() {}

  /** The provider's production URL. */
  static String defaultBaseUrl(Provider provider) {
    return switch (provider) {
      case BINANCE -> BinanceClient.DEFAULT_BASE_URL;
      case KRAKEN -> KrakenClient.DEFAULT_BASE_URL;
      case COINBASE -> CoinbaseClient.DEFAULT_BASE_URL;
      case INSIGHTEASE -> InsighteaseClient.DEFAULT_BASE_URL;
    };
  }

  /** A client at {@code config}, authenticated with {@code key} when present. */
  static CryptoMarketData client(Provider provider, ClientConfig config, Optional<ProviderKey> key) {
    return switch (provider) {
      case BINANCE -> {
        BinanceClient.Builder b = BinanceClient.builder().config(config);
        key.ifPresent(k -> b.credentials(ApiCredentials.hmac(k.keyId().orElseThrow(), k.secret())));
        yield b.build();
      }
      case KRAKEN -> {
        KrakenClient.Builder b = KrakenClient.builder().config(config);
        key.ifPresent(k -> b.credentials(ApiCredentials.hmac(k.keyId().orElseThrow(), k.secret())));
        yield b.build();
      }
      case COINBASE -> {
        CoinbaseClient.Builder b = CoinbaseClient.builder().config(config);
        key.ifPresent(k -> b.credentials(CoinbaseKeys.cdp(k.keyId().orElseThrow(), k.secret())));
        yield b.build();
      }
      case INSIGHTEASE -> {
        InsighteaseClient.Builder b = InsighteaseClient.builder().config(config);
        key.ifPresent(k -> b.credentials(InsighteaseKeys.apiKey(k.secret())));
        yield b.build();
      }
    };
  }

  /**
   * A market-stream builder of {@code client} at {@code streamUrl} (empty: the provider's production
   * stream host), or empty for a provider without WebSocket market streams.
   */
  static Optional<MarketStreamBuilder<?>> streams(CryptoMarketData client, Optional<String> streamUrl) {
    MarketStreamBuilder<?> b;
    if (client instanceof BinanceClient binance) {
      b = binance.streams();
    } else if (client instanceof KrakenClient kraken) {
      b = kraken.streams();
    } else if (client instanceof CoinbaseClient coinbase) {
      b = coinbase.streams();
    } else {
      return Optional.empty();
    }
    streamUrl.ifPresent(b::baseUrl);
    return Optional.of(b);
  }

  /** The sandbox's demo key for {@code provider}. */
  static ProviderKey sandboxKey(Provider provider) {
    return switch (provider) {
      case BINANCE -> new ProviderKey(Optional.of(ProviderSandbox.BINANCE_API_KEY), secret(ProviderSandbox.BINANCE_API_SECRET.toCharArray()));
      case KRAKEN -> new ProviderKey(Optional.of(ProviderSandbox.KRAKEN_API_KEY), secret(ProviderSandbox.KRAKEN_PRIVATE_KEY.toCharArray()));
      case COINBASE -> new ProviderKey(Optional.of(ProviderSandbox.COINBASE_KEY_NAME), secret(ProviderSandbox.coinbasePrivateKeyPem()));
      case INSIGHTEASE -> new ProviderKey(Optional.empty(), secret(SandboxServer.DEMO_API_KEY.toCharArray()));
    };
  }

  private static Secret secret(char[] chars) {
    return Secret.of(chars);
  }
}
