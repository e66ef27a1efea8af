package io.tickguard.core;

import java.util.List;

/**
 * The server's certificate chain matched none of the pins configured for its host, or pinning is on
 * and the host has no pins. Nothing was sent. {@link #presentedPins()} lists the SPKI SHA-256 pins of
 * the chain the server presented, so an operator can tell a key rotation from an interception.
 */
public class CertificatePinningException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final List<String> presentedPins;
  private final String host;

  /**
   * @param presentedPins the pins of the server's chain as verified, leaf first (see
   *     {@link #presentedPins()})
   */
  public CertificatePinningException(
      String message, String host, List<String> presentedPins, Throwable cause) {
    super(message, ErrorDetails.none(), cause);
    this.host = host;
    this.presentedPins = List.copyOf(presentedPins);
  }

  /** The host whose certificate was refused. */
  public String host() {
    return host;
  }

  /**
   * The pins ({@code sha256/...}) of the chain the server presented, as verified: leaf first,
   * ending with the trusted root (which the server need not send). Compare them with the provider's
   * published pins to tell a key rotation (add the new pin) from an interception (do not).
   */
  public List<String> presentedPins() {
    return presentedPins;
  }
}
