package io.tickguard.examples.cli;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.TickGuardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * {@code tickguard doctor}: checks a connection the way the pipeline will use it and prints one
 * pass/warn/fail line per check; exit code 4 when any check fails.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = {"Check an endpoint: TLS version and cipher, pin match, clock skew, key file permissions, "
        + "credential scopes, deprecation headers. One pass/warn/fail line each; exit code 4 on any fail."})
final class DoctorCommand extends MarketCommand {
  static final Duration SKEW_WARN = Duration.ofSeconds(1);
  static final Duration SKEW_FAIL = Duration.ofSeconds(5);

  /** A check's outcome. */
  enum Status { PASS, WARN, FAIL }

  /** One line of the report. */
  record Check(String name, Status status, String detail) {}

  @Override
  int run(MarketSession session, Output out) {
    List<Check> checks = new ArrayList<>();
    String url = session.config().baseUrl().toString();
    checks.addAll(tlsAndPin(session, url));
    checks.add(clock(session));
    checks.add(keyFile());
    checks.add(credentials(session));
    checks.add(keyPermissions(session));
    checks.add(new Check("egress", Status.PASS, session.config().egress().describe()));
    List<String> deprecations = session.audit().deprecations();
    checks.add(deprecations.isEmpty()
        ? new Check("deprecation", Status.PASS, "no Deprecation or Sunset header in the answers")
        : new Check("deprecation", Status.WARN, String.join("; ", deprecations)));
    for (Check c : checks) {
      if (out.json()) {
        Map<String, Object> o = Output.object();
        o.put("type", "check");
        o.put("provider", session.provider().id());
        o.put("check", c.name());
        o.put("status", c.status().name().toLowerCase(Locale.ROOT));
        o.put("detail", c.detail());
        out.json(o);
      } else {
        Output.Style style = switch (c.status()) {
          case PASS -> Output.Style.GREEN;
          case WARN -> Output.Style.YELLOW;
          case FAIL -> Output.Style.RED;
        };
        out.out().println(out.style(String.format("%-4s", c.status().name().toLowerCase(Locale.ROOT)), style)
            + "  " + String.format("%-12s", c.name()) + Text.clean(c.detail()));
      }
    }
    out.out().flush();
    return checks.stream().anyMatch(c -> c.status() == Status.FAIL) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private List<Check> tlsAndPin(MarketSession session, String url) {
    String host = EndpointOptions.host(url);
    Set<String> pins = session.config().tls().pins().getOrDefault(host, Set.of());
    io.tickguard.core.security.Egress egress = session.config().egress();
    if (egress.route() != io.tickguard.core.security.Egress.Route.DIRECT) {
      // The probe opens its own socket; through a proxy it would have to go around the egress.
      String skipped = "not probed separately: doctor never connects around the proxy (" + egress.describe()
          + "); the pinned, verified calls below go through it";
      return List.of(new Check("tls", Status.WARN, skipped), new Check("pin", Status.WARN, skipped));
    }
    TlsProbe probe;
    try {
      probe = TlsProbe.handshake(url, session.config().tls(), connection.timeout, egress.localAddress());
    } catch (IOException | GeneralSecurityException e) {
      return List.of(new Check("tls", Status.FAIL, "handshake with " + host + " failed: " + e.getMessage()),
          new Check("pin", Status.FAIL, "no certificate to compare with the pins"));
    }
    boolean modern = probe.protocol().equals("TLSv1.3")
        || probe.protocol().equals("TLSv1.2") && probe.cipherSuite().contains("ECDHE") && (probe.cipherSuite().contains("GCM") || probe.cipherSuite().contains("CHACHA20"));
    Check tls = new Check("tls", modern ? Status.PASS : Status.FAIL, probe.protocol() + " " + probe.cipherSuite()
        + " with " + host + ", certificate chain and host name verified" + (modern ? "" : "; expected TLS 1.3, or 1.2 with ECDHE and AEAD"));
    Check pin;
    if (pins.isEmpty()) {
      pin = new Check("pin", Status.WARN, "no pin for " + host + "; the server's key is " + probe.leafPin() + " (pin it with --pin, plus a backup pin)");
    } else if (pins.contains(probe.leafPin())) {
      pin = new Check("pin", Status.PASS, "served key " + probe.leafPin() + " matches a pin");
    } else {
      pin = new Check("pin", Status.FAIL, "served key " + probe.leafPin() + " matches none of " + pins + ": every call will be refused");
    }
    return List.of(tls, pin);
  }

  private Check clock(MarketSession session) {
    try {
      Instant before = Instant.now();
      Instant server = session.client().serverTime();
      Instant after = Instant.now();
      Instant local = before.plus(Duration.between(before, after).dividedBy(2));
      Duration skew = Duration.between(local, server);
      String detail = String.format("server clock %+d ms from this machine's", skew.toMillis());
      Duration size = skew.abs();
      if (size.compareTo(SKEW_FAIL) >= 0) {
        return new Check("clock", Status.FAIL, detail + "; signed calls outside the provider's window are refused: sync this machine's clock (NTP)");
      }
      return new Check("clock", size.compareTo(SKEW_WARN) >= 0 ? Status.WARN : Status.PASS,
          detail + (size.compareTo(SKEW_WARN) >= 0 ? " (TickGuard corrects it, but check NTP)" : ""));
    } catch (TickGuardException e) {
      return new Check("clock", Status.FAIL, "cannot read the server's time: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Check keyFile() {
    Optional<Path> file = connection.keyFile().or(() -> connection.embedded() || !provider().secretVariableIsFile()
        ? Optional.empty()
        : Optional.ofNullable(root.context().env().get(provider().secretVariable())).filter(s -> !s.isBlank()).map(Path::of));
    if (file.isEmpty()) {
      return new Check("key file", Status.PASS, connection.embedded() ? "embedded sandbox: demo keys, no key file" : "no key file in use");
    }
    Path path = file.get();
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
      if (view == null) {
        return new Check("key file", Status.WARN, path + ": this file system has no POSIX permissions to check");
      }
      Set<PosixFilePermission> open = EnumSet.copyOf(view.readAttributes().permissions());
      open.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
      return open.isEmpty()
          ? new Check("key file", Status.PASS, path + " is readable by its owner only")
          : new Check("key file", Status.FAIL, path + " is open to group or others " + open + ": run chmod 600 " + path);
    } catch (IOException e) {
      return new Check("key file", Status.FAIL, path + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The start-up key permission audit's report (Binance, Coinbase), as one line per finding. */
  private Check keyPermissions(MarketSession session) {
    Optional<io.tickguard.core.security.KeyPermissionReport> report = Optional.empty();
    if (session.client() instanceof io.tickguard.crypto.binance.BinanceClient b) {
      report = b.security().keyPermissionReport();
    } else if (session.client() instanceof io.tickguard.crypto.coinbase.CoinbaseClient c) {
      report = c.security().keyPermissionReport();
    }
    if (report.isEmpty()) {
      return new Check("key perms", Status.PASS, session.authenticated()
          ? provider().id() + " publishes no key-permission endpoint: check the key's permissions in its settings"
          : "no key");
    }
    io.tickguard.core.security.KeyPermissionReport r = report.get();
    return new Check("key perms", r.status() == io.tickguard.core.security.KeyPermissionReport.Status.LEAST_PRIVILEGE
        ? Status.PASS : Status.WARN, r.describe().strip().replace("\n", "; "));
  }

  private Check credentials(MarketSession session) {
    if (!session.authenticated()) {
      return new Check("credentials", Status.WARN, "no key: public data only; for signed calls set "
          + provider().credentialHelp().substring(13));
    }
    try {
      int balances = session.client().balances().size();
      return new Check("credentials", Status.PASS, "key accepted with the account_read scope (" + balances + " balances)");
    } catch (PermissionDeniedException e) {
      return new Check("credentials", Status.FAIL, "key lacks a scope: " + e.getMessage());
    } catch (AuthenticationException e) {
      return new Check("credentials", Status.FAIL, "key refused: " + e.getMessage());
    } catch (UnsupportedOperationException e) {
      return new Check("credentials", Status.PASS, provider().id() + " has no account call to test the key with");
    } catch (TickGuardException e) {
      return new Check("credentials", Status.FAIL, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
