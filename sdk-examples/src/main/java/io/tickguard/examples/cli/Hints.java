package io.tickguard.examples.cli;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import java.util.Locale;

/** What to do about a failure, in command-line terms, appended to its one-line message. */
final class Hints {
  private Hints() {}

  static String of(TickGuardException e, Provider provider) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    String code = e.providerCode().orElse("").toLowerCase(Locale.ROOT);
    if (unknownSymbol(message, code)) {
      return "; list the symbols with: tickguard instruments -p " + provider.id() + " [FILTER]";
    }
    if (e instanceof ClockSkewException) {
      return "; sync this machine's clock (timedatectl set-ntp true) and check with: tickguard doctor";
    }
    if (e instanceof AuthenticationException) {
      return "; check " + variables(provider) + " (tickguard doctor checks the key)";
    }
    if (e instanceof PermissionDeniedException) {
      return "; give the key " + variables(provider) + " the scope the call needs, at the provider's API key page";
    }
    if (e instanceof CertificatePinningException) {
      return "; the server's key is not pinned: compare --pin with what `tickguard doctor` reports";
    }
    if (e instanceof RateLimitedException) {
      return "; wait and retry, or raise --timeout";
    }
    if (e instanceof TransportException) {
      return "; check the network and --base-url, or raise --timeout";
    }
    return "";
  }

  private static boolean unknownSymbol(String message, String code) {
    return code.equals("-1121") || code.contains("unknown asset pair")
        || (message.contains("symbol") || message.contains("pair") || message.contains("product"))
            && (message.contains("invalid") || message.contains("unknown") || message.contains("not found")
                || message.contains("not listed"));
  }

  private static String variables(Provider provider) {
    return provider.keyVariable() == null ? provider.secretVariable() : provider.keyVariable() + " and " + provider.secretVariable();
  }
}
