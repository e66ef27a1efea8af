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
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.demo.DemoSignature;
import java.io.PrintStream;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Shows the secure pipeline at work against the embedded sandbox (TLS on 127.0.0.1, no internet, no
 * real keys): a pinned call and a signed call that succeed, then four hostile situations, each
 * refused with its typed exception before anything unsafe happens.
 *
 * <p>Run it with {@code java -jar sdk-examples/target/tickguard.jar}.
 */
public final class Demo {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/demo/v1/ticker")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .build();
  static final Endpoint ACCOUNT = Endpoint.builder("account", HttpMethod.GET, "/demo/v1/account")
      .scope(Scope.ACCOUNT_READ)
      .auth(AuthMode.SIGNED)
      .build();

  private final PrintStream out;
  private int expected;
  private int checks;

  private Demo(PrintStream out) {
    this.out = out;
  }

  /** Runs the demo; the exit code is 0 when every step behaved as TickGuard promises. */
  public static void main(String[] args) {
    System.exit(run(System.out));
  }

  /** Runs the demo, writing to {@code out}; returns 0 when every step behaved as promised. */
  public static int run(PrintStream out) {
    return new Demo(out).runAll();
  }

  private int runAll() {
    try (SandboxServer sandbox = SandboxServer.builder().seed(42).start()) {
      out.println("Sandbox listening on " + sandbox.baseUrl() + " (TLS, pinned to " + sandbox.pin() + ")");
      try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).build()) {
        step("1. pinned TLS call", () -> {
          JsonNode t = api.execute(ticker("BTC-USDT"), ApiResponse::json);
          return "BTC-USDT bid " + t.get("bid").asString() + " / ask " + t.get("ask").asString()
              + " (exact decimals, as sent)";
        }, null);
        try (ApiClient signed = ApiClient.builder(sandbox.clientConfig())
            .authenticator(DemoSignature.authenticator(ApiCredentials.hmac(
                SandboxServer.DEMO_API_KEY, Secret.of(SandboxServer.DEMO_API_SECRET.toCharArray()))))
            .build()) {
          step("2. HMAC-signed account call (timestamp, nonce, signature checked by the server)", () -> {
            JsonNode account = signed.execute(ACCOUNT.request().build(), ApiResponse::json);
            return account.get("balances").size() + " balances";
          }, null);
        }
        step("3. header injection in a parameter",
            () -> api.execute(ticker("BTC-USDT\r\nX-Evil: 1"), ApiResponse::json), InvalidRequestException.class);
        step("4. account call with public-data-only credentials",
            () -> api.execute(ACCOUNT.request().build(), ApiResponse::json), PermissionDeniedException.class);
        sandbox.faults().next(1, Fault.oversizedBody(64L * 1024 * 1024));
        step("5. 64 MiB answer to a ticker call",
            () -> api.execute(ticker("ETH-USDT"), ApiResponse::json), InvalidResponseException.class);
      }
      sandbox.faults().serve(ServedCertificate.IMPOSTOR);
      try (ApiClient fresh = ApiClient.builder(sandbox.clientConfig()).build()) {
        step("6. server presents another key from the same trusted CA",
            () -> fresh.execute(ticker("BTC-USDT"), ApiResponse::json), CertificatePinningException.class);
      }
    }
    out.println(checks + " of " + expected + " steps behaved as promised");
    return checks == expected ? 0 : 1;
  }

  private static ApiRequest ticker(String symbol) {
    return TICKER.request().query("symbol", symbol).build();
  }

  /** Runs {@code action}; it must succeed when {@code refusal} is null, else throw exactly that type. */
  private void step(String title, Supplier<Object> action, Class<? extends TickGuardException> refusal) {
    expected++;
    out.println();
    out.println(title);
    try {
      Object result = action.get();
      if (refusal == null) {
        checks++;
        out.println("   ok: " + result);
      } else {
        out.println("   UNEXPECTED: succeeded, expected " + refusal.getSimpleName());
      }
    } catch (TickGuardException e) {
      boolean asPromised = refusal != null && refusal.isInstance(e);
      if (asPromised) {
        checks++;
      }
      out.println((asPromised ? "   refused: " : "   UNEXPECTED: ") + e.getClass().getSimpleName());
      out.println("   " + e.getMessage());
    }
  }
}
