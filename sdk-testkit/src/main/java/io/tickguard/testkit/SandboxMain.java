package io.tickguard.testkit;

import io.tickguard.testkit.internal.FaultSpec;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone, for clients in any language: prints the base URL, the CA file to
 * trust and the pin, then serves until interrupted. {@code --help} lists every option; see
 * {@code docs/sandbox.md}.
 */
public final class SandboxMain {
  private static final String USAGE = String.join("\n",
      "Usage: SandboxMain [options]",
      "  --port N                  listen on 127.0.0.1:N (default: an ephemeral port)",
      "  --seed N                  market seed (default 1)",
      "  --plaintext               serve http:// instead of https://",
      "  --rate-limit WEIGHT       weight per minute (default 1200)",
      "  --usage-header NAME       usage header name (default X-TG-USED-WEIGHT-1M)",
      "  --timestamp-window-ms N   accepted signed-timestamp distance (default 5000)",
      "  --token-ttl-s N           access-token lifetime (default 300)",
      "  --clock-skew-ms N         server clock ahead (+) or behind (-) real time",
      "  --serve genuine|impostor|untrusted   certificate presented to new connections",
      "  --fault SPEC              next:N:KIND or 'route:GET /path:KIND' (repeatable); KIND is",
      "                            latency=MS status=CODE rate-limited=S reset truncate",
      "                            malformed-json oversized=BYTES content-type=TYPE expired-token",
      "  --ca-out FILE             write the CA PEM there and keep it (default: a temp file,",
      "                            deleted when the sandbox stops)",
      "  --providers LIST          provider wire formats to serve, comma-separated, or 'none'",
      "                            (default: binance,kraken,coinbase,insightease,oanda,saxo)",
      "  --help                    print this");

  private SandboxMain() {}

  /** Starts the sandbox from {@code args} and serves until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    SandboxServer sandbox;
    try {
      sandbox = start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (sandbox == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "tickguard-sandbox-shutdown"));
    stopped.await();
  }

  /**
   * Starts a sandbox as {@code args} say and prints how to reach it to {@code out}; {@code null}
   * after {@code --help}.
   *
   * @throws IllegalArgumentException naming the bad option
   */
  public static SandboxServer start(String[] args, PrintStream out) {
    SandboxServer.Builder b = SandboxServer.builder();
    RateLimitPolicy limit = RateLimitPolicy.defaults();
    List<String> faults = new ArrayList<>();
    Duration skew = Duration.ZERO;
    ServedCertificate served = ServedCertificate.GENUINE;
    Path caOut = null;
    List<ProviderSandbox> providers = List.of(ProviderSandbox.values());
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help":
          out.println(USAGE);
          return null;
        case "--plaintext":
          b.plaintext(true);
          break;
        case "--port":
          b.port(Integer.parseInt(value(args, ++i, a)));
          break;
        case "--seed":
          b.seed(Long.parseLong(value(args, ++i, a)));
          break;
        case "--rate-limit":
          limit = limit.withMaxWeight(Integer.parseInt(value(args, ++i, a)));
          break;
        case "--usage-header":
          limit = limit.withUsageHeader(value(args, ++i, a));
          break;
        case "--timestamp-window-ms":
          b.timestampWindow(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
          break;
        case "--token-ttl-s":
          b.oauth(OAuthSettings.defaults().withAccessTokenTtl(Duration.ofSeconds(Long.parseLong(value(args, ++i, a)))));
          break;
        case "--clock-skew-ms":
          skew = Duration.ofMillis(Long.parseLong(value(args, ++i, a)));
          break;
        case "--serve":
          served = ServedCertificate.valueOf(value(args, ++i, a).toUpperCase(Locale.ROOT));
          break;
        case "--fault":
          faults.add(value(args, ++i, a));
          break;
        case "--ca-out":
          caOut = Path.of(value(args, ++i, a));
          break;
        case "--providers":
          providers = providers(value(args, ++i, a));
          break;
        default:
          throw new IllegalArgumentException("Unknown option " + a);
      }
    }
    providers.forEach(p -> p.install(b));
    SandboxServer sandbox = b.rateLimit(limit).start();
    try {
      sandbox.faults().clockSkew(skew).serve(served);
      faults.forEach(f -> FaultSpec.apply(f, sandbox.faults()));
      describe(sandbox, writeCa(sandbox, caOut), providers, out);
      return sandbox;
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private static List<ProviderSandbox> providers(String list) {
    if (list.equals("none")) {
      return List.of();
    }
    List<ProviderSandbox> chosen = new ArrayList<>();
    for (String name : list.split(",", -1)) {
      chosen.add(ProviderSandbox.named(name.trim()).orElseThrow(() -> new IllegalArgumentException(
          "--providers: unknown provider '" + name + "'; known: " + String.join(", ", ProviderSandbox.ids()))));
    }
    return chosen;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static Path writeCa(SandboxServer sandbox, Path target) {
    if (!sandbox.isTls()) {
      return null;
    }
    try {
      if (target == null) {
        return sandbox.writeTemporaryFile("tickguard-sandbox-ca-", sandbox.caCertificatePem());
      }
      Files.writeString(target, sandbox.caCertificatePem(), StandardCharsets.US_ASCII); // the user's file: kept
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sandbox CA", e);
    }
  }

  private static Path writeCoinbaseKey(SandboxServer sandbox) {
    char[] pem = ProviderSandbox.coinbasePrivateKeyPem();
    try {
      return sandbox.writeTemporaryFile("tickguard-sandbox-coinbase-", new String(pem));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sandbox's Coinbase key", e);
    } finally {
      java.util.Arrays.fill(pem, '\0');
    }
  }

  private static void describe(SandboxServer sandbox, Path ca, List<ProviderSandbox> providers, PrintStream out) {
    out.println("TickGuard sandbox listening");
    out.println("  base URL   " + sandbox.baseUrl());
    if (ca != null) {
      out.println("  CA (PEM)   " + ca.toAbsolutePath());
      out.println("  pin        " + sandbox.pin());
      out.println("  backup pin " + sandbox.backupPin());
    }
    out.println("  API key    " + SandboxServer.DEMO_API_KEY + " / " + SandboxServer.DEMO_API_SECRET
        + " (read-only: " + SandboxServer.READ_ONLY_API_KEY + " / " + SandboxServer.READ_ONLY_API_SECRET + ")");
    out.println("  OAuth      " + SandboxServer.DEMO_OAUTH_CLIENT_ID + " / " + SandboxServer.DEMO_OAUTH_CLIENT_SECRET
        + " at " + sandbox.tokenUrl());
    for (ProviderSandbox p : providers) {
      out.println("  " + p.credentialsHint());
      if (p == ProviderSandbox.COINBASE) {
        out.println("               coinbase PEM file " + writeCoinbaseKey(sandbox).toAbsolutePath());
      }
    }
    out.println("  routes     " + String.join(", ", sandbox.routes()));
    out.flush();
  }
}
