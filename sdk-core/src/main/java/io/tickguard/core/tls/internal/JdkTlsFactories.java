package io.tickguard.core.tls.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds trust managers, key managers and the {@link SSLContext} from the JDK's default providers.
 * Bouncy Castle is never registered: as JCA provider #1 it would take over TLS.
 */
public final class JdkTlsFactories {
  // Protects only an in-memory key store that never leaves this class; not a secret.
  private static final char[] IN_MEMORY_PASSWORD = "tickguard-in-memory".toCharArray();

  private JdkTlsFactories() {}

  /** A trust manager for {@code roots}, plus the JDK's default roots when {@code withSystemRoots}. */
  public static X509ExtendedTrustManager trustManager(List<X509Certificate> roots, boolean withSystemRoots)
      throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (roots.isEmpty() && withSystemRoots) {
      factory.init((KeyStore) null);
    } else {
      List<X509Certificate> all = new ArrayList<>(roots);
      if (withSystemRoots) {
        all.addAll(List.of(trustManager(List.of(), true).getAcceptedIssuers()));
      }
      KeyStore store = emptyStore();
      for (int i = 0; i < all.size(); i++) {
        store.setCertificateEntry("root-" + i, all.get(i));
      }
      factory.init(store);
    }
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("The JDK's default TrustManagerFactory has no X509ExtendedTrustManager");
  }

  /** Key managers that present {@code chain} with {@code key}. */
  public static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain)
      throws GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, IN_MEMORY_PASSWORD);
    return factory.getKeyManagers();
  }

  /** A TLS context using {@code keyManagers} (may be {@code null}) and {@code trustManager}. */
  public static SSLContext sslContext(KeyManager[] keyManagers, TrustManager trustManager)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers, new TrustManager[] {trustManager}, null);
    return context;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("Cannot create an in-memory key store", e);
    }
    return store;
  }
}
