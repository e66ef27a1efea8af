package io.tickguard.core.pem;

import io.tickguard.core.ConfigurationException;

/**
 * PEM or PKCS#12 input could not be read as the key or certificates expected. The message says what
 * was found and what is accepted; it never quotes the input, which may be a private key. A
 * {@link ConfigurationException} whose {@link #setting()} is {@code "key"}.
 */
public class PemFormatException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  public PemFormatException(String message) {
    super("key", message);
  }

  public PemFormatException(String message, Throwable cause) {
    super("key", message, cause);
  }
}
