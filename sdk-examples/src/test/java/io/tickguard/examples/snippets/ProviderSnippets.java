package io.tickguard.examples.snippets;

import tools.jackson.databind.JsonNode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.Endpoint;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.binance.BinanceLimits;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.crypto.kraken.KrakenTier;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.testkit.SandboxServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** docs/providers.md's and docs/throttling.md's snippets, compiled; SnippetsTest keeps them equal. */
@SuppressWarnings("unused")
final class ProviderSnippets {
  private ProviderSnippets() {}

  static io.tickguard.core.Endpoint customEndpoint(BinanceClient binance) {
    // tag::custom-endpoint[]
    Endpoint myAccount = Endpoint.builder("myAccount", HttpMethod.GET, "/api/v3/account")
        .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ).weight(20).limits("REQUEST_WEIGHT").build();
    JsonNode account = binance.call(myAccount.request().build(), ApiResponse::json);
    // end::custom-endpoint[]
    return myAccount;
  }

  static void binanceQuickStart() {
    // tag::binance-quick-start[]
    try (BinanceClient binance = BinanceClient.builder().build()) {
      OrderBook book = binance.orderBook(Symbol.of("BTC", "USDT"), 100);
    }
    // end::binance-quick-start[]
  }

  static void binanceKeys(ApiCredentials testnetKey, ApiCredentials sandboxKey, SandboxServer sandbox) {
    // tag::binance-keys[]
    // Public market data: no key.
    BinanceClient market = BinanceClient.builder().build();

    // HMAC key (signature: lower-case hex HMAC-SHA256).
    BinanceClient hmac = BinanceClient.builder()
        .credentials(ApiCredentials.hmac("my-key", Secret.fromEnv("BINANCE_API_SECRET")))
        .build();

    // Ed25519 key (Binance's recommendation): the PKCS#8 PEM whose public key you registered.
    BinanceClient ed = BinanceClient.builder()
        .credentials(ApiCredentials.ed25519("my-key", Secret.fromFile(Path.of("binance-ed25519.pem"))))
        .recvWindow(Duration.ofSeconds(5))            // optional; not sent by default (Binance uses 5000 ms)
        .build();

    // Testnet, or the sandbox (@Sandbox(providers = ProviderSandbox.BINANCE)) in tests.
    BinanceClient testnet = BinanceClient.builder().baseUrl("https://testnet.binance.vision").credentials(testnetKey).build();
    BinanceClient local = BinanceClient.builder().config(sandbox.clientConfig()).credentials(sandboxKey).build();
    // end::binance-keys[]
  }

  static void kraken(String apiKey) {
    // tag::kraken[]
    try (KrakenClient kraken = KrakenClient.builder()
        .credentials(ApiCredentials.hmac(apiKey, Secret.fromEnv("KRAKEN_PRIVATE_KEY"))) // base64, as issued
        .tier(KrakenTier.INTERMEDIATE)             // io.tickguard.crypto.kraken.KrakenTier; default STARTER
        .build()) {
      List<Balance> balances = kraken.balances();
    }
    // end::kraken[]
  }

  static CoinbaseClient coinbase() {
    // tag::coinbase[]
    CoinbaseClient client = CoinbaseClient.builder()
        .credentials(CoinbaseKeys.cdp("organizations/{org_id}/apiKeys/{key_id}", Secret.fromEnv("COINBASE_CDP_KEY"))) // EC PEM
        .build();                      // public calls need no key; balances() does
    // end::coinbase[]
    return client;
  }

  static void insightease() {
    // tag::insightease[]
    try (InsighteaseClient ie = InsighteaseClient.builder()
        .credentials(InsighteaseKeys.apiKey(Secret.fromEnv("INSIGHTEASE_API_KEY")))   // sent as the api_key query parameter
        .monthlyCredits(10_000)                           // your plan; Basic is 10,000
        .build()) {
      List<Ticker> prices = ie.tickers(Symbol.of("BTC", "USD"), Symbol.of("ETH", "USD"));
    }
    // end::insightease[]
  }

  static ClientConfig throttle(Clock serverCorrectedClock) {
    // tag::throttle[]
    Throttle throttle = InProcessThrottle.builder(BinanceLimits.spot())
        .clock(serverCorrectedClock)          // windows align with the provider's
        .maxWait(Duration.ofSeconds(2))       // longer waits fail at once
        .build();
    ClientConfig config = ClientConfig.builder("https://api.binance.com").throttle(throttle).build();
    // end::throttle[]
    return config;
  }
}
