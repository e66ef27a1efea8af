package io.tickguard.examples.cli;

import io.tickguard.core.ClientConfig;
import io.tickguard.forex.saxo.SaxoClient;
import io.tickguard.forex.saxo.SaxoUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tickguard login saxo}: Saxo's login for native apps (authorization code with PKCE, RFC
 * 7636). It prints the login page's URL, listens once on a random loopback port for the redirect
 * (RFC 8252), checks its {@code state}, exchanges the code and stores the session's refresh token in
 * an owner-only file; {@code tickguard fx ... -p saxo} then resumes the session from that file.
 */
@Command(name = "saxo", mixinStandardHelpOptions = true,
    description = "Log in to Saxo with PKCE: open the printed URL in a browser; the session is stored owner-only in --token-file.")
final class LoginSaxoCommand implements Callable<Integer> {
  @ParentCommand
  LoginCommand parent;

  @Spec
  CommandSpec spec;

  @Mixin
  OutputOptions output;

  @Option(names = "--live", description = "Log in at Saxo's simulation environment (SIM), where developer apps live.")
  boolean live;

  @Option(names = "--base-url", paramLabel = "URL", description = "Log in at this https server laid out as the TickGuard sandbox (the standalone sandbox).")
  String baseUrl;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file.")
  Path caFile;

  @Option(names = "--pin", paramLabel = "sha256/BASE64", description = "Pin the login and API server's public key (repeatable).")
  List<String> pins = new ArrayList<>();

  @Option(names = "--token-file", paramLabel = "FILE", description = "Where the session is stored, owner-only (default: ~/.tickguard/saxo.token).")
  Path tokenFile;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
      description = "How long to wait for the browser's redirect (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    if (!live && baseUrl == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "login saxo needs --live or --base-url: the embedded sandbox logs its demo user in by itself");
    }
    EndpointOptions.validateEndpoint(spec, live, baseUrl, caFile, pins, null, timeout);
    CliContext context = parent.root.context();
    Output out = new Output(context, output);
    Path file = tokenFile != null ? tokenFile : FxConnectionOptions.defaultTokenFile();
    ownerOnlyDirectory(file.toAbsolutePath().getParent());
    String url = live ? "https://gateway.saxobank.com/sim/openapi/" : baseUrl;
    SaxoUrls urls = live ? SaxoUrls.simulation() : FxSession.saxoUrls(HttpUrl.get(baseUrl));
    ClientConfig config = ClientConfig.builder(url).tls(MarketSession.tls(caFile, pins, EndpointOptions.host(url)))
        .metrics(new AuditTrail(context.err(), output.verbose)).build();
    try (SaxoClient saxo = saxoClient(context.env(), urls, config, file)) {
      saxo.login(uri -> {
        context.err().println("Open this page in your browser and log in to Saxo:");
        context.err().println("  " + Text.clean(uri.toString()));
        context.err().println("Waiting up to " + timeout.toSeconds() + " s for the redirect to this machine (127.0.0.1)...");
        context.err().flush();
      });
    }
    if (out.json()) {
      Map<String, Object> o = Output.object();
      o.put("type", "login");
      o.put("provider", "saxo");
      o.put("tokenFile", file.toString());
      out.json(o);
    } else {
      out.line("logged in to Saxo; session stored owner-only in " + file + " (fx -p saxo resumes it)");
    }
    return ExitCodes.OK;
  }

  private SaxoClient saxoClient(Map<String, String> env, SaxoUrls urls, ClientConfig config, Path file) {
    return FxSession.saxoClientBuilder(env, urls, config, file).loginTimeout(timeout).build();
  }

  /** Creates the session file's directory readable by its owner only, where the file system has POSIX permissions. */
  private static void ownerOnlyDirectory(Path dir) {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    } catch (IOException e) {
      throw new ConfigurationException("--token-file: the directory " + dir + " cannot be created (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
