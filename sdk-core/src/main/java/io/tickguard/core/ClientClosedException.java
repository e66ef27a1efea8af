package io.tickguard.core;

/**
 * A call, an async call or a stream was started on a client after its {@code close()}. Nothing was
 * sent: a closed client holds no threads or connections and never opens new ones. {@link #use()}
 * names what was refused (for example {@code call ticker24hr}).
 *
 * <p><b>Fix:</b> build a new client, or close the client only when nothing will use it again.
 */
public class ClientClosedException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String use;

  /** The refusal of {@code use} (such as {@code "call ticker24hr"}) on a closed client. */
  public ClientClosedException(String use) {
    super("This client is closed; the " + use + " was not started and nothing was sent. Build a new client,"
        + " or close this one only when nothing uses it any more.");
    this.use = use;
  }

  /** What was refused: {@code call}, {@code async call} or {@code stream}, and the endpoint's name. */
  public String use() {
    return use;
  }
}
