package io.tickguard.examples.cli;

import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.providers.ProviderSandbox;
import io.tickguard.testkit.saxo.SaxoRoutes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickguard sandbox}: a standalone sandbox serving every provider's wire format, for this
 * command line ({@code --base-url --ca-file --pin}) and for clients in any language. Prints the
 * URL, the CA file, the pin and the demo keys, then serves until Ctrl-C.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Serve the sandbox (all four wire formats) until Ctrl-C; prints URL, CA file, pin and demo keys.")
final class SandboxCommand implements Callable<Integer> {
  @ParentCommand
  TickGuardCli root;

  @Spec
  CommandSpec spec;

  @Mixin
  OutputOptions output;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Listen on 127.0.0.1:N (default: a free port).")
  int port;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Market seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--providers", paramLabel = "LIST", split = ",", completionCandidates = ConnectionOptions.ProviderNames.class,
      description = "Wire formats to serve (default: all of ${COMPLETION-CANDIDATES}).")
  List<String> providers = new ArrayList<>();

  @Option(names = "--ca-out", paramLabel = "FILE", description = "Write the CA certificate here (default: a temporary file).")
  Path caOut;

  @Option(names = "--clock-skew", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "0s",
      description = "Run the server's clock this far ahead, to try doctor's clock check.")
  Duration clockSkew;

  @Option(names = "--serve", paramLabel = "CERT", defaultValue = "genuine",
      description = "Certificate for new connections: genuine, impostor (same CA, other key: only pins catch it) or untrusted.")
  String serve;

  @Option(names = "--exit", hidden = true, description = "Print and stop at once (tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws InterruptedException, IOException {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
    }
    List<ProviderSandbox> chosen = new ArrayList<>();
    for (String name : providers.isEmpty() ? Provider.ids() : providers) {
      chosen.add(ProviderSandbox.named(name.trim()).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "--providers: unknown provider '" + Text.clean(name) + "'; choose from " + String.join(", ", Provider.ids()))));
    }
    ServedCertificate served;
    try {
      served = ServedCertificate.valueOf(serve.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--serve must be genuine, impostor or untrusted, was '" + Text.clean(serve) + "'");
    }
    CliContext context = root.context();
    SandboxServer server = Progress.during(context, "starting the sandbox", () -> context.sandboxes().startOrFail("the sandbox", chosen, seed, port));
    try {
      server.faults().clockSkew(clockSkew).serve(served);
      Path ca = writeCa(server);
      Path coinbaseKey = chosen.contains(ProviderSandbox.COINBASE) ? writeCoinbaseKey() : null;
      describe(server, ca, coinbaseKey, chosen, new Output(context, output));
      if (exitAfterStart) {
        return ExitCodes.OK;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }, "tickguard-sandbox-shutdown"));
      stopped.await();
      return ExitCodes.OK;
    } finally {
      if (exitAfterStart) {
        server.close();
      }
    }
  }

  private Path writeCa(SandboxServer server) throws IOException {
    Path file = caOut != null ? caOut : Files.createTempFile("tickguard-sandbox-ca-", ".pem");
    Files.writeString(file, server.caCertificatePem(), StandardCharsets.US_ASCII);
    return file.toAbsolutePath();
  }

  private static Path writeCoinbaseKey() throws IOException {
    Path file = Files.createTempFile("tickguard-sandbox-coinbase-", ".pem",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    char[] pem = ProviderSandbox.coinbasePrivateKeyPem();
    try {
      Files.writeString(file, new String(pem), StandardCharsets.US_ASCII);
    } finally {
      java.util.Arrays.fill(pem, '\0');
    }
    return file.toAbsolutePath();
  }

  private void describe(SandboxServer server, Path ca, Path coinbaseKey, List<ProviderSandbox> chosen, Output out) {
    String url = server.baseUrl();
    List<String> exports = new ArrayList<>();
    for (ProviderSandbox p : chosen) {
      exports.add(switch (p) {
        case BINANCE -> "BINANCE_API_KEY=" + ProviderSandbox.BINANCE_API_KEY + " BINANCE_API_SECRET=" + ProviderSandbox.BINANCE_API_SECRET;
        case KRAKEN -> "KRAKEN_API_KEY=" + ProviderSandbox.KRAKEN_API_KEY + " KRAKEN_PRIVATE_KEY=" + ProviderSandbox.KRAKEN_PRIVATE_KEY;
        case COINBASE -> "COINBASE_KEY_NAME=" + ProviderSandbox.COINBASE_KEY_NAME + " COINBASE_PRIVATE_KEY_FILE=" + coinbaseKey;
        case INSIGHTEASE -> "INSIGHTEASE_API_KEY=" + SandboxServer.DEMO_API_KEY;
        case OANDA -> "OANDA_API_TOKEN=" + OandaRoutes.DEMO_TOKEN + " OANDA_ACCOUNT_ID=" + OandaRoutes.DEMO_ACCOUNT;
        // Saxo has no secret to export: the public app key only starts a PKCE login in the browser.
        case SAXO -> "SAXO_APP_KEY=" + SaxoRoutes.CLIENT_ID;
      });
    }
    String reach = "--base-url " + url + " --ca-file " + ca + " --pin " + server.pin();
    if (out.json()) {
      Map<String, Object> o = Output.object();
      o.put("type", "sandbox");
      o.put("baseUrl", url);
      o.put("caFile", ca.toString());
      o.put("pin", server.pin());
      o.put("backupPin", server.backupPin());
      o.put("providers", chosen.stream().map(ProviderSandbox::id).toList());
      o.put("demoKeys", exports);
      o.put("oauthClient", SandboxServer.DEMO_OAUTH_CLIENT_ID + ":" + SandboxServer.DEMO_OAUTH_CLIENT_SECRET);
      o.put("tokenUrl", server.tokenUrl().toString());
      out.json(o);
      return;
    }
    out.line("TickGuard sandbox listening (" + String.join(", ", chosen.stream().map(ProviderSandbox::id).toList()) + " formats)");
    out.line("  base URL    " + url);
    out.line("  CA file     " + ca);
    out.line("  pin         " + server.pin());
    out.line("  backup pin  " + server.backupPin());
    out.line("  OAuth       " + SandboxServer.DEMO_OAUTH_CLIENT_ID + " / " + SandboxServer.DEMO_OAUTH_CLIENT_SECRET + " at " + server.tokenUrl());
    out.line("Demo keys (valid on this sandbox only):");
    exports.forEach(e -> out.line("  export " + e));
    out.line("Try, from another shell:");
    out.line("  tickguard ticker BTC/USDT " + reach);
    out.line("  tickguard doctor " + reach);
    if (!exitAfterStart) {
      out.line("Serving until Ctrl-C.");
    }
    out.out().flush();
  }
}
