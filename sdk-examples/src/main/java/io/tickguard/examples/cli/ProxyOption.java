package io.tickguard.examples.cli;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.Egress;
import java.io.Console;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --proxy URL} and {@code --bind ADDRESS} as an {@link Egress}. A proxy password is never
 * taken from the command line (other users see arguments in {@code ps}, shells keep them in
 * history): it comes from {@value #PASSWORD_VARIABLE}, else from a prompt on the terminal.
 */
final class ProxyOption {
  /** The environment variable holding the proxy password. */
  static final String PASSWORD_VARIABLE = "TICKGUARD_PROXY_PASSWORD";

  private ProxyOption() {}

  /** Checks the form of {@code --proxy} and {@code --bind} before anything starts. */
  static void validate(CommandSpec spec, String proxy, String bind) {
    try {
      if (proxy != null) {
        parse(proxy);
      }
      if (bind != null && Egress.direct().bindTo(bind).localAddress().isEmpty()) {
        throw new IllegalArgumentException("--bind needs a local IP address"); // bindTo throws first
      }
    } catch (InvalidRequestException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The egress of the options; {@link Egress#direct()} when neither is given. */
  static Egress egress(String proxy, String bind, CliContext context) {
    Egress egress = Egress.direct();
    if (proxy != null) {
      URI uri = parse(proxy);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      egress = scheme.equals("http") ? Egress.httpProxy(uri.getHost(), uri.getPort()) : Egress.socks5(uri.getHost(), uri.getPort());
      if (uri.getUserInfo() != null) {
        egress = egress.withProxyCredentials(uri.getUserInfo(), password(uri.getUserInfo(), context));
      }
    }
    return bind == null ? egress : egress.bindTo(bind);
  }

  private static URI parse(String proxy) {
    URI uri;
    try {
      uri = new URI(proxy);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--proxy is not a URL: " + Text.clean(e.getMessage()), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("socks5")) {
      throw new IllegalArgumentException("--proxy must be http://[USER@]HOST:PORT or socks5://[USER@]HOST:PORT, was '"
          + Text.clean(withoutUserInfo(proxy)) + "'");
    }
    if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
      throw new IllegalArgumentException("--proxy must not carry the password (USER:PASSWORD@): arguments are visible to "
          + "other users (ps) and kept in shell history. Give only USER@ and set " + PASSWORD_VARIABLE
          + ", or answer the prompt");
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException("--proxy needs a host and a port, e.g. socks5://bot@10.0.0.5:1080; was '"
          + Text.clean(withoutUserInfo(proxy)) + "'");
    }
    if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null) {
      throw new IllegalArgumentException("--proxy takes no path or query, only [USER@]HOST:PORT");
    }
    return uri;
  }

  /** {@code proxy} with anything before an {@code @} replaced, so no password reaches a message. */
  private static String withoutUserInfo(String proxy) {
    return proxy.replaceAll("//[^/@]*@", "//***@");
  }

  private static Secret password(String user, CliContext context) {
    String fromEnv = context.env().get(PASSWORD_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Secret.of(fromEnv.toCharArray());
    }
    Console console = context.terminal() ? System.console() : null;
    if (console == null) {
      throw new ConfigurationException("--proxy names proxy user '" + Text.clean(user) + "' but " + PASSWORD_VARIABLE
          + " is not set and there is no terminal to ask on: set " + PASSWORD_VARIABLE);
    }
    char[] typed = console.readPassword("Password of proxy user %s: ", Text.clean(user));
    if (typed == null || typed.length == 0) {
      throw new ConfigurationException("no proxy password entered for proxy user '" + Text.clean(user) + "'");
    }
    try {
      return Secret.of(typed.clone());
    } finally {
      Arrays.fill(typed, '\0');
    }
  }
}
