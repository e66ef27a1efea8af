package io.tickguard.examples;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The guided tour: Binance's wire format served by the embedded sandbox (TLS on 127.0.0.1, no
 * internet, no real keys), one line per protection: pinned TLS, a signed call, token rotation,
 * throttling under a burst, a header injection, a tampered answer and an impostor certificate, each
 * saying what protected the user. Ends with what to try next.
 *
 * <p>Run it with {@code ./tickguard demo}.
 */
public final class Demo {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/demo/v1/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .build();
  static final Endpoint OAUTH_ACCOUNT = Endpoint.builder("oauthAccount", HttpMethod.GET, "/demo/v1/oauth/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.BEARER).build();
  private static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  private final PrintStream out;
  private int steps;
  private int held;

  private Demo(PrintStream out) {
    this.out = out;
  }

  /** Runs the demo; the exit code is 0 when every protection held. */
  public static void main(String[] args) {
    System.exit(run(System.out));
  }

  /** Runs the demo, writing to {@code out}; returns 0 when every protection held. */
  public static int run(PrintStream out) {
    return new Demo(out).tour();
  }

  private int tour() {
    try (SandboxServer sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder().seed(42)).start()) {
      out.println("TickGuard demo: Binance's wire format from the embedded sandbox at " + sandbox.baseUrl()
          + " (no internet, no real keys)");
      try (BinanceClient binance = binance(sandbox).build()) {
        step("pinned TLS", () -> {
          Ticker t = binance.ticker(BTC_USDT);
          return "BTC/USDT bid " + t.bid().toPlainString() + " ask " + t.ask().toPlainString()
              + ": the server's key matched its pin " + sandbox.pin().substring(0, 16) + "...";
        }, null);
        step("signed call", () -> binance.balances().size()
            + " balances: HMAC-SHA256 over a fresh timestamp on the server's clock; the secret never left this process", null);
        step("tampered answer", () -> {
          sandbox.faults().next(1, Fault.malformedJson());
          OrderBook book = binance.orderBook(BTC_USDT, 5);
          return "accepted " + book;
        }, InvalidResponseException.class);
      }
      step("token rotation", () -> tokenRotation(sandbox), null);
      step("burst throttled", () -> burst(sandbox), null);
      try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).build()) {
        step("header injection", () -> api.execute(ticker("BTC-USDT\r\nX-Evil: 1"), ApiResponse::json), InvalidRequestException.class);
      }
      sandbox.faults().serve(ServedCertificate.IMPOSTOR);
      try (BinanceClient fresh = binance(sandbox).build()) {
        step("impostor cert", () -> fresh.ticker(BTC_USDT), CertificatePinningException.class);
      }
    }
    out.println();
    out.println(held + " of " + steps + " protections held.");
    out.println("Try next:");
    out.println("  ./tickguard ticker BTC/USDT ETH/USDT       tickers from the sandbox (add --live for Binance itself)");
    out.println("  ./tickguard book BTC/USDT --watch          a depth ladder, redrawn in place");
    out.println("  ./tickguard candles BTC/USDT 1h --chart    a candlestick chart");
    out.println("  ./tickguard doctor --live                  check TLS, pins, clock and keys against Binance");
    out.println("  ./tickguard --help                         every command; docs/cli.md has the details");
    return held == steps ? 0 : 1;
  }

  private static BinanceClient.Builder binance(SandboxServer sandbox) {
    return BinanceClient.builder().config(sandbox.clientConfig())
        .credentials(ApiCredentials.hmac(ProviderSandbox.BINANCE_API_KEY,
            Secret.of(ProviderSandbox.BINANCE_API_SECRET.toCharArray())));
  }

  private static String tokenRotation(SandboxServer sandbox) {
    try (ApiClient plain = ApiClient.builder(sandbox.clientConfig()).build()) {
      TokenEndpointClient endpoint = TokenEndpointClient.builder(plain.httpClient(), sandbox.tokenUrl(), SandboxServer.DEMO_OAUTH_CLIENT_ID)
          .clientSecret(Secret.ofBytes(SandboxServer.DEMO_OAUTH_CLIENT_SECRET.getBytes(StandardCharsets.UTF_8))).build();
      TokenManager tokens = TokenManager.builder(endpoint).store(new InMemoryTokenStore()).build();
      try (ApiClient oauth = ApiClient.builder(sandbox.clientConfig())
          .authenticator(new BearerAuthenticator(tokens, Set.of(Scope.ACCOUNT_READ))).build()) {
        oauth.execute(OAUTH_ACCOUNT.request().build(), ApiResponse::json);
        sandbox.faults().next(1, Fault.expiredToken());
        oauth.execute(OAUTH_ACCOUNT.request().build(), ApiResponse::json);
      }
    }
    return "the server revoked the access token mid-session: one refresh, one replay, the call answered";
  }

  private static String burst(SandboxServer sandbox) {
    int sent = 0;
    int refused = 0;
    try (BinanceClient limited = BinanceClient.builder().config(sandbox.clientConfig())
        .throttle(InProcessThrottle.builder("demo-burst")
            .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 5, Duration.ofMinutes(1)).countingRequests())
            // One frozen instant: the eight calls fall in one window even when a slow machine would
            // stretch the burst across a minute boundary (that made DemoTest fail under load).
            .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC))
            .maxWait(Duration.ZERO).build())
        .build()) {
      for (int i = 0; i < 8; i++) {
        try {
          limited.ticker(BTC_USDT);
          sent++;
        } catch (RateLimitedException e) {
          refused++;
        }
      }
    }
    if (sent != 5 || refused != 3) {
      throw new IllegalStateException("expected 5 sent and 3 refused, got " + sent + " and " + refused);
    }
    return "8 calls at once against a 5-per-minute budget: 5 sent, 3 refused on the client before the server could ban the key";
  }

  private static ApiRequest ticker(String symbol) {
    return TICKER.request().query("symbol", symbol).build();
  }

  /** Runs {@code action}; it must succeed when {@code refusal} is null, else throw exactly that type. */
  private void step(String title, Supplier<Object> action, Class<? extends TickGuardException> refusal) {
    steps++;
    String label = String.format("%-17s", title);
    try {
      Object result = action.get();
      if (refusal == null) {
        held++;
        out.println("  ok       " + label + result);
      } else {
        out.println("  FAILED   " + label + "succeeded, expected " + refusal.getSimpleName());
      }
    } catch (TickGuardException e) {
      boolean asPromised = refusal != null && refusal.isInstance(e);
      if (asPromised) {
        held++;
      }
      out.println((asPromised ? "  refused  " : "  FAILED   ") + label + e.getClass().getSimpleName() + ": " + firstSentence(e.getMessage()));
    } catch (RuntimeException e) {
      out.println("  FAILED   " + label + e);
    }
  }

  private static String firstSentence(String message) {
    String m = String.valueOf(message).replaceAll("[\\p{Cntrl}]", " ");
    int end = m.indexOf(". ");
    String first = end > 0 ? m.substring(0, end + 1) : m;
    return first.length() > 100 ? first.substring(0, 99) + "..." : first;
  }
}
