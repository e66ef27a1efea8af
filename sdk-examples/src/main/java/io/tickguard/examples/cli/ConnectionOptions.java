package io.tickguard.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a market command connects: the embedded sandbox by default, the real provider with
 * {@code --live}, or any endpoint of the provider's format with {@code --base-url} (the standalone
 * sandbox, a testnet), trusted through {@code --ca-file} and pinned with {@code --pin}.
 */
final class ConnectionOptions {
  private static final Pattern PIN = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");

  @Option(names = {"-p", "--provider"}, paramLabel = "NAME", defaultValue = "binance",
      completionCandidates = ProviderNames.class,
      description = "Wire format and provider: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String provider;

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
      description = "Read the secret from this owner-only file instead of the environment variable.")
  Path keyFile;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "Give up on a call after this long, retries and throttle waits included (e.g. 500ms, 10s, 1m; default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Market seed of the embedded sandbox (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The provider, after {@link #validate}. */
  Provider provider() {
    return Provider.valueOf(provider.toUpperCase(Locale.ROOT));
  }

  /** Whether the command talks to the embedded sandbox. */
  boolean embedded() {
    return !live && baseUrl == null;
  }

  Optional<Path> keyFile() {
    return Optional.ofNullable(keyFile);
  }

  /** Checks every option against the others; nothing has started yet. */
  void validate(CommandSpec spec) {
    if (!Provider.ids().contains(provider.toLowerCase(Locale.ROOT))) {
      throw new ParameterException(spec.commandLine(),
          "unknown provider '" + provider + "'; choose one of " + String.join(", ", Provider.ids()));
    }
    if (live && baseUrl != null) {
      throw new ParameterException(spec.commandLine(), "--live and --base-url exclude each other: --base-url already leaves the sandbox");
    }
    if (embedded() && (caFile != null || !pins.isEmpty())) {
      throw new ParameterException(spec.commandLine(),
          (caFile != null ? "--ca-file" : "--pin") + " needs --live or --base-url: the embedded sandbox is trusted and pinned already");
    }
    if (embedded() && keyFile != null) {
      throw new ParameterException(spec.commandLine(), "--key-file needs --live or --base-url: the embedded sandbox uses its demo keys");
    }
    if (baseUrl != null) {
      checkUrl(spec);
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

  private void checkUrl(CommandSpec spec) {
    try {
      URI uri = new URI(baseUrl);
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new ParameterException(spec.commandLine(), "--base-url must be an https:// URL with a host, was '" + Text.clean(baseUrl) + "'");
      }
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--base-url is not a URL: " + Text.clean(e.getMessage()));
    }
  }

  /** The host of the endpoint the command talks to, for pins. */
  String host(String url) {
    return URI.create(url).getHost();
  }

  /** Completion candidates and the names {@code --provider} accepts. */
  static final class ProviderNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Provider.ids().iterator();
    }
  }
}
