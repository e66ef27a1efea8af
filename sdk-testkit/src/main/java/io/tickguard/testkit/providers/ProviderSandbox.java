package io.tickguard.testkit.providers;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.binance.BinanceStreamRoutes;
import io.tickguard.testkit.coinbase.CoinbaseStreamRoutes;
import io.tickguard.testkit.kraken.KrakenStreamRoutes;
import io.tickguard.testkit.stream.LiveStreams;
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import io.tickguard.testkit.insightease.InsighteaseRoutes;
import io.tickguard.testkit.kraken.KrakenRoutes;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.saxo.SaxoRoutes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers whose wire formats the sandbox speaks, each with demo credentials that only this
 * sandbox accepts. {@link #install} adds a provider's routes and keys to a sandbox being built; the
 * credentials are constants (and, for Coinbase, a P-256 key generated once per process) so that a
 * client can be pointed at the sandbox without any real key.
 *
 * <p>The demo keys are least-privilege, as a production key should be: read-only (market data and
 * account reads, the scopes a client declares by default) and, for Binance, whose permission model
 * has an IP allow-list, accepted only from {@code 127.0.0.1}; TickGuard's start-up key permission
 * audit therefore finds nothing to report. The {@code *_OVER_PRIVILEGED_*} keys are the opposite on
 * purpose (trading and withdrawals, no IP restriction), for tests and demos of that audit.
 */
public enum ProviderSandbox {
  /** Binance spot; HMAC key {@link #BINANCE_API_KEY} / {@link #BINANCE_API_SECRET}. */
  BINANCE,
  /** Kraken spot; API key {@link #KRAKEN_API_KEY}, base64 private key {@link #KRAKEN_PRIVATE_KEY}. */
  KRAKEN,
  /** Coinbase Advanced Trade; CDP key {@link #COINBASE_KEY_NAME} with {@link #coinbasePrivateKeyPem()}. */
  COINBASE,
  /** Insightease (crypto and forex); {@code api_key} {@link SandboxServer#DEMO_API_KEY}. */
  INSIGHTEASE,
  /**
   * OANDA v20 REST and pricing stream; {@code Authorization: Bearer} {@link OandaRoutes#DEMO_TOKEN},
   * account {@link OandaRoutes#DEMO_ACCOUNT}; live prices on the stream.
   */
  OANDA,
  /**
   * Saxo OpenAPI; the native app {@link SaxoRoutes#CLIENT_ID} logs in with PKCE at {@link
   * SaxoRoutes#AUTHORIZE_PATH} (the demo user is logged in at once) and a loopback redirect URI.
   */
  SAXO;

  /** The sandbox's Binance demo key: market data and account reads only, accepted only from 127.0.0.1. */
  public static final String BINANCE_API_KEY = "sandbox-binance-key";
  /** The Binance demo key's secret (a sandbox value, not a secret anywhere else). */
  public static final String BINANCE_API_SECRET = "sandbox-binance-secret";
  /**
   * A Binance key the sandbox lets trade and withdraw from any address: over-privileged on purpose,
   * so that the key permission audit reports it ({@code TRADE}, {@code WITHDRAW}, no IP restriction).
   */
  public static final String BINANCE_OVER_PRIVILEGED_API_KEY = "sandbox-binance-overprivileged-key";
  /** The over-privileged Binance key's secret. */
  public static final String BINANCE_OVER_PRIVILEGED_API_SECRET = "sandbox-binance-overprivileged-secret";

  /** The sandbox's Kraken API key. */
  public static final String KRAKEN_API_KEY = "sandbox-kraken-key";

  /** The sandbox's Kraken private key, base64 as Kraken issues them (not a real key). */
  public static final String KRAKEN_PRIVATE_KEY = Base64.getEncoder().encodeToString(
      "tickguard-sandbox-kraken-private-key-not-a-real-secret-0000000000".getBytes(StandardCharsets.US_ASCII));

  /** The sandbox's Coinbase CDP key name: view permission only (market data and account reads). */
  public static final String COINBASE_KEY_NAME = "organizations/tickguard-sandbox/apiKeys/sandbox-key";
  /**
   * A Coinbase CDP key name with the same private key ({@link #coinbasePrivateKeyPem()}) that the
   * sandbox lets view, trade and transfer: over-privileged on purpose, for the key permission audit.
   */
  public static final String COINBASE_OVER_PRIVILEGED_KEY_NAME =
      "organizations/tickguard-sandbox/apiKeys/sandbox-overprivileged-key";

  /** Generated on first use: a sandbox process and its in-process clients share it. */
  private static final class CoinbaseKey {
    static final KeyPair PAIR = generate();

    private static KeyPair generate() {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("This JVM cannot generate a P-256 key", e);
      }
    }
  }

  /** The PEM (PKCS#8) private key of {@link #COINBASE_KEY_NAME}; a fresh copy the caller may wipe. */
  public static char[] coinbasePrivateKeyPem() {
    byte[] pem = Pem.encode("PRIVATE KEY", CoinbaseKey.PAIR.getPrivate().getEncoded());
    char[] chars = new String(pem, StandardCharsets.US_ASCII).toCharArray();
    Arrays.fill(pem, (byte) 0);
    return chars;
  }

  /** The provider for {@code name} ({@code binance}, {@code kraken}, ...), case-insensitive. */
  public static Optional<ProviderSandbox> named(String name) {
    return Arrays.stream(values()).filter(p -> p.id().equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** Every provider's {@link #id()}. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(ProviderSandbox::id).toList();
  }

  /** The lower-case name used on command lines. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Adds this provider's routes and demo credentials to {@code sandbox}. */
  public SandboxServer.Builder install(SandboxServer.Builder sandbox) {
    return switch (this) {
      case BINANCE -> sandbox.routes(new BinanceRoutes())
          .apiKey(new ApiKey(BINANCE_API_KEY, ascii(BINANCE_API_SECRET), EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ))
              .allowOnlyFrom("127.0.0.1"))
          .apiKey(new ApiKey(BINANCE_OVER_PRIVILEGED_API_KEY, ascii(BINANCE_OVER_PRIVILEGED_API_SECRET),
              EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE, Scope.WITHDRAW)));
      case KRAKEN -> sandbox.routes(new KrakenRoutes())
          .apiKey(KRAKEN_API_KEY, KRAKEN_PRIVATE_KEY, Scope.MARKET_DATA, Scope.ACCOUNT_READ);
      case COINBASE -> sandbox.routes(coinbaseRoutes());
      case INSIGHTEASE -> sandbox.routes(new InsighteaseRoutes()); // api_key is the demo key
      case OANDA -> sandbox.routes(new OandaRoutes()); // Bearer DEMO_TOKEN, account DEMO_ACCOUNT
      case SAXO -> sandbox.routes(new SaxoRoutes()); // PKCE login of the public demo app
    };
  }

  /**
   * This provider's WebSocket market streams for {@code symbols} (canonical, {@code BTC-USDT}), books
   * seeded with {@code seed}, when the sandbox has them (Binance, Kraken, Coinbase). Register them
   * before {@link #install} (Binance's REST depth snapshots then come from the streamed book); drive
   * them with a {@link io.tickguard.testkit.stream.LivePublisher} for a live market.
   */
  public Optional<LiveStreams> streams(long seed, List<String> symbols) {
    String[] s = symbols.toArray(String[]::new);
    return switch (this) {
      case BINANCE -> Optional.of(new BinanceStreamRoutes(seed, s));
      case KRAKEN -> Optional.of(new KrakenStreamRoutes(seed, s));
      case COINBASE -> Optional.of(new CoinbaseStreamRoutes(seed, s).cdpKey(COINBASE_KEY_NAME, CoinbaseKey.PAIR.getPublic()));
      case INSIGHTEASE, OANDA, SAXO -> Optional.empty();
    };
  }

  private static ProviderRoutes coinbaseRoutes() {
    return new CoinbaseRoutes().cdpKey(COINBASE_KEY_NAME, CoinbaseKey.PAIR.getPublic(), Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .cdpKey(COINBASE_OVER_PRIVILEGED_KEY_NAME, CoinbaseKey.PAIR.getPublic(),
            Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE, Scope.WITHDRAW);
  }

  /**
   * This provider's demo credentials as a client takes them, with the default scopes (market data
   * and account reads, exactly what the sandbox grants the demo keys): HMAC for Binance and Kraken, the CDP P-256 key for
   * Coinbase, the bare API key for Insightease, the personal access token for OANDA, the public app key that
   * starts Saxo's PKCE login. Only this sandbox accepts them.
   */
  public ApiCredentials demoCredentials() {
    return switch (this) {
      case BINANCE -> ApiCredentials.hmac(BINANCE_API_KEY, text(BINANCE_API_SECRET));
      case KRAKEN -> ApiCredentials.hmac(KRAKEN_API_KEY, text(KRAKEN_PRIVATE_KEY));
      case COINBASE -> ApiCredentials.ecP256(COINBASE_KEY_NAME, coinbaseKey());
      case INSIGHTEASE -> ApiCredentials.apiKeyOnly(SandboxServer.DEMO_API_KEY);
      // A personal access token is a bearer key with no secret part, as OandaKeys.token builds it.
      case OANDA -> ApiCredentials.apiKeyOnly(OandaRoutes.DEMO_TOKEN).withScopes(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
      // Saxo's app key is public (a native app has no secret): it only starts the PKCE login, whose
      // user session then carries the bearer tokens.
      case SAXO -> ApiCredentials.apiKeyOnly(SaxoRoutes.CLIENT_ID);
    };
  }

  private static Secret text(String value) {
    return Secret.ofBytes(ascii(value));
  }

  private static byte[] ascii(String value) {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  private static Secret coinbaseKey() {
    char[] pem = coinbasePrivateKeyPem();
    try {
      return Secret.of(pem);
    } finally {
      Arrays.fill(pem, '\0');
    }
  }

  /** One line telling a client of this provider how to authenticate to the sandbox. */
  public String credentialsHint() {
    return switch (this) {
      case BINANCE -> "binance      HMAC key " + BINANCE_API_KEY + " / secret " + BINANCE_API_SECRET + " (read-only, from 127.0.0.1)";
      case KRAKEN -> "kraken       API key " + KRAKEN_API_KEY + " / private key " + KRAKEN_PRIVATE_KEY;
      case COINBASE -> "coinbase     CDP key " + COINBASE_KEY_NAME + " / EC private key in the coinbase PEM file";
      case INSIGHTEASE -> "insightease  api_key " + SandboxServer.DEMO_API_KEY;
      case OANDA -> "oanda        Bearer token " + OandaRoutes.DEMO_TOKEN + " / account " + OandaRoutes.DEMO_ACCOUNT;
      case SAXO -> "saxo         app key " + SaxoRoutes.CLIENT_ID + ", PKCE login at " + SaxoRoutes.AUTHORIZE_PATH
          + ", redirect " + SaxoRoutes.REDIRECT_URI + " (any port)";
    };
  }
}
