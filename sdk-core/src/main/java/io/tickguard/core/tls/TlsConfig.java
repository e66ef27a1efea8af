package io.tickguard.core.tls;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * TLS settings of a client: protocol versions and suites, optional certificate pins, custom trust
 * roots and a client certificate. Hostname verification is always on and cannot be switched off.
 */
public final class TlsConfig {

  private static final TlsConfig DEFAULTS = new TlsConfig();

  private TlsConfig() {}

  /** TLS 1.3 and 1.2 with OkHttp's {@code RESTRICTED_TLS} suites, the JDK's trust store, no pins. */
  public static TlsConfig defaults() {
    return DEFAULTS;
  }

  /** Applies these settings to an OkHttp client under construction. */
  public void applyTo(OkHttpClient.Builder builder) {
    builder.connectionSpecs(List.of(ConnectionSpec.RESTRICTED_TLS));
  }
}
