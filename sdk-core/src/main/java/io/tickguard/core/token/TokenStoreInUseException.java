package io.tickguard.core.token;

import io.tickguard.core.TickGuardException;
import java.nio.file.Path;

/**
 * Another {@link FileTokenStore}, in this process or another, has the token file open. Sharing one
 * refresh token between two token managers spends it twice; a provider that detects reuse revokes
 * the session.
 */
public class TokenStoreInUseException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  /** The store at {@code file} is locked by another owner. */
  public TokenStoreInUseException(Path file) {
    super("Token store " + file + " is already open in another process or another FileTokenStore: two"
        + " token managers sharing one refresh token would each spend it, and a provider that detects reuse"
        + " revokes the session. Give each process its own store and OAuth client, or share one TokenManager");
  }
}
