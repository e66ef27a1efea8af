package io.tickguard.examples.cli;

import io.tickguard.core.ClientConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every command that reaches an endpoint shares, crypto ({@link ConnectionOptions}) and
 * forex ({@link FxConnectionOptions}): the embedded sandbox by default, the real provider with
 * {@code --live}, or any endpoint of the provider's format with {@code --base-url}, trusted through
 * {@code --ca-file} and pinned with {@code --pin}, left through {@code --proxy} from {@code --bind}.
 * Each subclass adds its {@code --provider} and what only its providers need.
 */
abstract class EndpointOptions {
  private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");

  @Option(names = "--live", description = "Talk to the real provider instead of the embedded sandbox.")
  boolean live;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Talk to this https endpoint of the provider's format (the standalone sandbox, a testnet).")
  String baseUrl;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file (with --live or --base-url).")
  Path caFile;

  @Option(names = "--pin", paramLabel = "sha256/BASE64",
      description = "Pin the server's public key (repeatable: add a backup pin); with --live or --base-url.")
  List<String> pins = new ArrayList<>();

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "Read the secret (API secret, OANDA token, Insightease api_key) from this owner-only file instead of the environment variable.")
  Path keyFile;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "Give up on a call after this long, retries and throttle waits included (e.g. 500ms, 10s, 1m; default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Market seed of the embedded sandbox (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--proxy", paramLabel = "URL",
      description = {"Leave through this proxy, never directly: http://[USER@]HOST:PORT (HTTP CONNECT) or "
          + "socks5://[USER@]HOST:PORT (the proxy resolves host names). With a USER, the password is read from "
          + "$" + ProxyOption.PASSWORD_VARIABLE + ", else asked for on the terminal. It is never taken from the "
          + "command line: arguments are visible to every user of the machine (ps, /proc) and kept in shell history."})
  String proxy;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Open connections (to the provider, or to the proxy) from this local IP address, e.g. the one an API key is allow-listed for.")
  String bind;

  /** Whether the command talks to the embedded sandbox. */
  boolean embedded() {
    return !live && baseUrl == null;
  }

  Optional<Path> keyFile() {
    return Optional.ofNullable(keyFile);
  }

  /** The host of {@code url}, for pins. */
  static String host(String url) {
    return URI.create(url).getHost();
  }

  /**
   * Applies {@code --proxy} and {@code --bind} to {@code config} (the password from the environment
   * or the terminal).
   *
   * @throws ConfigurationException when the proxy needs a password and none can be read
   */
  ClientConfig.Builder egress(ClientConfig.Builder config, CliContext context) {
    return config.egress(ProxyOption.egress(proxy, bind, context));
  }

  /** Checks the shared options against each other; nothing has started yet. */
  void validateEndpoint(CommandSpec spec) {
    validateEndpoint(spec, live, baseUrl, caFile, pins, keyFile, timeout);
    ProxyOption.validate(spec, proxy, bind);
  }

  /**
   * The checks every command that reaches an endpoint shares (crypto, forex, {@code login saxo}):
   * {@code --live} and {@code --base-url} exclusive, trust and pins only off the sandbox, an https
   * base URL, pins in their printed form, a positive timeout.
   */
  static void validateEndpoint(CommandSpec spec, boolean live, String baseUrl, Path caFile, List<String> pins, Path keyFile,
      Duration timeout) {
    boolean embedded = !live && baseUrl == null;
    if (live && baseUrl != null) {
      throw new ParameterException(spec.commandLine(), "--live and --base-url exclude each other: --base-url already leaves the sandbox");
    }
    if (embedded && (caFile != null || !pins.isEmpty())) {
      throw new ParameterException(spec.commandLine(),
          (caFile != null ? "--ca-file" : "--pin") + " needs --live or --base-url: the embedded sandbox is trusted and pinned already");
    }
    if (embedded && keyFile != null) {
      throw new ParameterException(spec.commandLine(), "--key-file needs --live or --base-url: the embedded sandbox uses its demo keys");
    }
    if (baseUrl != null) {
      checkUrl(spec, baseUrl);
    }
    for (String pin : pins) {
      if (!PIN.matcher(pin).matches()) {
        throw new ParameterException(spec.commandLine(),
            "--pin '" + Text.clean(pin) + "' is not sha256/ followed by 44 base64 characters (as `tickguard sandbox` or `tickguard doctor` print)");
      }
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive, was " + timeout);
    }
  }

  private static void checkUrl(CommandSpec spec, String baseUrl) {
    try {
      URI uri = new URI(baseUrl);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new ParameterException(spec.commandLine(), "--base-url must be an https:// URL with a host, was '" + Text.clean(baseUrl) + "'");
      }
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--base-url is not a URL: " + Text.clean(e.getMessage()));
    }
  }
}
