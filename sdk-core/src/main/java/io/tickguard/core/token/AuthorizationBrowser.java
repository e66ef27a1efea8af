package io.tickguard.core.token;

import java.net.URI;

/**
 * Shows the user the provider's login page: {@link PkceLogin} calls it once with the authorization
 * request. A desktop application opens the system browser ({@code java.awt.Desktop.browse}); a
 * command line prints the address; a test plays the browser itself. The implementation must not
 * block until the login finishes: the loopback listener receives the answer.
 */
@FunctionalInterface
public interface AuthorizationBrowser {

  /** Opens {@code authorizationRequest} for the user. */
  void open(URI authorizationRequest);
}
