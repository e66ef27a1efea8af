package io.tickguard.core.tls;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.tls.internal.ConfiguringSocketFactory;
import io.tickguard.core.tls.internal.JdkTlsFactories;
import io.tickguard.core.tls.internal.PinTable;
import io.tickguard.core.tls.internal.PinningTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * TLS settings of a client: protocol versions and suites, optional certificate pins, trust roots and
 * a client certificate. Immutable and thread-safe; the TLS context is built once, in
 * {@link Builder#build()}, so configuration errors surface there and not on the first request.
 *
 * <p>What cannot be configured, on purpose: protocols other than TLS 1.3 and 1.2 with OkHttp's
 * {@code RESTRICTED_TLS} suites, and hostname verification, which is always on (checked by the JDK
 * during the handshake and again by OkHttp after it).
 *
 * <p>Pins are checked inside the handshake against the chain rebuilt from the server's leaf to a
 * trusted root, so a refused server never receives a request byte; a refusal surfaces as an
 * {@code IOException} that the pipeline turns into a
 * {@link io.tickguard.core.CertificatePinningException}.
 */
public final class TlsConfig {
  private static final TlsConfig DEFAULTS = builder().build();

  private final PinTable pins;
  private final boolean pinningRequired;
  private final TrustRoots trustRoots;
  private final ClientCertificate clientCertificate;
  private final X509TrustManager trustManager;
  private final SSLSocketFactory socketFactory;

  private TlsConfig(Builder builder) {
    this.pins = builder.pins;
    this.pinningRequired = builder.pinningRequired;
    this.trustRoots = builder.trustRoots;
    this.clientCertificate = builder.clientCertificate;
    try {
      X509ExtendedTrustManager trusted =
          JdkTlsFactories.trustManager(trustRoots.certificates(), trustRoots.includesSystemRoots());
      this.trustManager = new PinningTrustManager(trusted, pins, pinningRequired);
      var context = JdkTlsFactories.sslContext(
          clientCertificate == null ? null : clientCertificate.keyManagers(), trustManager);
      this.socketFactory = ConfiguringSocketFactory.verifyingHostnames(context.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new TickGuardException("Cannot build the TLS context: " + e.getMessage(), e);
    }
  }

  /** TLS 1.3 and 1.2 with OkHttp's {@code RESTRICTED_TLS} suites, the JDK's trust store, no pins. */
  public static TlsConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the safe defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive a changed copy. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * Applies these settings to an OkHttp client under construction: connection specs and the socket
   * factory with its pinning trust manager. Every connection of the resulting client, HTTP and
   * WebSocket alike, goes through them. Call it last, so nothing overrides them.
   */
  public void applyTo(OkHttpClient.Builder builder) {
    builder.connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS));
    builder.sslSocketFactory(socketFactory, trustManager);
  }

  /** Host pattern to accepted pins ({@code sha256/...}); empty when pinning is off. */
  public Map<String, Set<String>> pins() {
    return pins.asMap();
  }

  /** {@code true} when a host without pins is refused. */
  public boolean pinningRequired() {
    return pinningRequired;
  }

  /** The trusted roots. */
  public TrustRoots trustRoots() {
    return trustRoots;
  }

  /** The certificate presented for mutual TLS, if any. */
  public Optional<ClientCertificate> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  /** Shows pins, roots and the client certificate's subject; never key material. */
  @Override
  public String toString() {
    return "TlsConfig{protocols=[TLSv1.3, TLSv1.2], pins=" + pins + ", pinningRequired=" + pinningRequired
        + ", trustRoots=" + trustRoots + ", clientCertificate=" + clientCertificate().map(Object::toString).orElse("none")
        + "}";
  }

  /** Builds a {@link TlsConfig}; every setting starts at its safe default. */
  public static final class Builder {
    private PinTable pins = PinTable.empty();
    private boolean pinningRequired;
    private TrustRoots trustRoots = TrustRoots.system();
    private ClientCertificate clientCertificate;

    private Builder() {}

    private Builder(TlsConfig config) {
      this.pins = config.pins;
      this.pinningRequired = config.pinningRequired;
      this.trustRoots = config.trustRoots;
      this.clientCertificate = config.clientCertificate;
    }

    /**
     * Accepts {@code host} only when its verified chain contains a key with one of {@code pins}
     * ({@code sha256/BASE64} of the SubjectPublicKeyInfo). Give at least two pins (the current key and
     * a backup kept offline, or the issuing CA's key) so a key rotation does not lock the client out.
     * Calling it again for the same host adds pins. {@code host} may be {@code *.example.com}, which
     * matches one extra label.
     *
     * @throws io.tickguard.core.InvalidRequestException naming the host, when a pin is malformed
     */
    public Builder pin(String host, String... pins) {
      this.pins = this.pins.with(host, List.of(pins));
      return this;
    }

    /** Like {@link #pin(String, String...)} with a list. */
    public Builder pin(String host, List<String> pins) {
      this.pins = this.pins.with(host, new ArrayList<>(pins));
      return this;
    }

    /**
     * When {@code true}, a host without pins is refused during the handshake instead of being reached
     * unpinned, so a forgotten host fails loudly rather than silently losing the protection.
     */
    public Builder pinningRequired(boolean required) {
      this.pinningRequired = required;
      return this;
    }

    /** The trusted roots; {@link TrustRoots#system()} by default. */
    public Builder trustRoots(TrustRoots roots) {
      this.trustRoots = Objects.requireNonNull(roots, "roots");
      return this;
    }

    /** The certificate presented when a server requests one (mutual TLS); none by default. */
    public Builder clientCertificate(ClientCertificate certificate) {
      this.clientCertificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * Builds the TLS context now, so a bad key or root fails here.
     *
     * @throws io.tickguard.core.InvalidRequestException when pinning is required but no host has pins
     */
    public TlsConfig build() {
      if (pinningRequired && pins.isEmpty()) {
        throw new InvalidRequestException("pinningRequired", 
            "pinningRequired(true) but no host has pins: every connection would be refused. Add pins"
                + " with pin(host, \"sha256/...\").");
      }
      return new TlsConfig(this);
    }
  }
}
