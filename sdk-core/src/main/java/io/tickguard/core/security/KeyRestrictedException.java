package io.tickguard.core.security;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.TickGuardException;

/**
 * The provider refused the key because of its restrictions: its IP allow-list, or its permissions
 * (Binance {@code -2014}/{@code -2015}, Kraken {@code EGeneral:Permission denied}; the providers do not
 * say which). The message names this client's {@link Egress}, so that the address the provider saw
 * can be compared with the key's allow-list: a key allow-listed for the proxy's address refuses a
 * client that connects directly or from another local address.
 */
public class KeyRestrictedException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final String egress;

  /** Wraps the provider's refusal {@code refused}, seen by a client leaving through {@code egress}. */
  public KeyRestrictedException(TickGuardException refused, String egress) {
    super(refused.getMessage() + ". The key's IP allow-list or permissions refused the call; this client"
            + " connects by " + egress + ": that source address must be on the key's allow-list",
        refused.details(),
        refused instanceof AuthenticationException a ? a.signedPayload().orElse(null) : null, refused);
    this.egress = egress;
  }

  /** The client's egress, described ({@link Egress#describe()}). */
  public String egress() {
    return egress;
  }
}
