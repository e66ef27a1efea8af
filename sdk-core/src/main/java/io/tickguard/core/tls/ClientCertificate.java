package io.tickguard.core.tls;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.tls.internal.JdkTlsFactories;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;

/**
 * The certificate chain and private key the client presents when a server asks for mutual TLS. The
 * key is parsed once, when this object is created, never per connection; {@link #toString()} never
 * shows it.
 */
public final class ClientCertificate {
  private final PrivateKey key;
  private final List<X509Certificate> chain;

  private ClientCertificate(PrivateKey key, List<X509Certificate> chain) {
    this.key = Objects.requireNonNull(key, "key");
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new InvalidRequestException("chain", "A client certificate chain needs at least one certificate");
    }
  }

  /** A key and its chain (leaf first) already loaded by the caller. */
  public static ClientCertificate of(PrivateKey key, List<X509Certificate> chain) {
    return new ClientCertificate(key, chain);
  }

  /**
   * Reads a chain (leaf first) and its key from PEM. The key may be PKCS#8, PKCS#1 or SEC1;
   * {@code password} is needed only when it is encrypted (else pass {@code null}). The caller keeps
   * ownership of the arrays and should clear them afterwards.
   */
  public static ClientCertificate fromPem(byte[] chainPem, byte[] keyPem, char[] password) {
    return new ClientCertificate(Pem.privateKey(keyPem, password), Pem.certificates(chainPem));
  }

  /**
   * Reads the key entry {@code alias} (or the first key entry when {@code alias} is {@code null}) of a
   * PKCS#12 store. The stream is read, not closed.
   */
  public static ClientCertificate fromPkcs12(InputStream store, char[] password, String alias) {
    Pem.KeyAndChain entry = Pem.pkcs12(store, password, alias);
    return new ClientCertificate(entry.key(), entry.chain());
  }

  /** The chain presented to the server, leaf first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  KeyManager[] keyManagers() throws GeneralSecurityException {
    return JdkTlsFactories.keyManagers(key, chain);
  }

  /** Names the leaf and the key algorithm; never the key. */
  @Override
  public String toString() {
    return "ClientCertificate{subject=" + chain.get(0).getSubjectX500Principal().getName()
        + ", key=" + key.getAlgorithm() + " (redacted)}";
  }
}
