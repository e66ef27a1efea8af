package io.tickguard.core.tls;

import io.tickguard.core.tls.internal.ConfiguringSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A private PKI (root CA, intermediate CA, server and client certificates) and TLS servers on loopback. */
final class TlsFixture {
  final HeldCertificate rootCa = new HeldCertificate.Builder()
      .commonName("TickGuard Test Root CA").certificateAuthority(1).build();
  final HeldCertificate intermediateCa = new HeldCertificate.Builder()
      .commonName("TickGuard Test Intermediate CA").certificateAuthority(0).signedBy(rootCa).build();
  final HeldCertificate server = serverCertificate("127.0.0.1", "localhost");
  final HeldCertificate clientCa = new HeldCertificate.Builder()
      .commonName("TickGuard Test Client CA").certificateAuthority(0).build();
  final HeldCertificate client = new HeldCertificate.Builder()
      .commonName("bot-1").signedBy(clientCa).build();

  HeldCertificate serverCertificate(String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder().commonName(names[0]).signedBy(intermediateCa);
    for (String name : names) {
      builder.addSubjectAlternativeName(name);
    }
    return builder.build();
  }

  /** Server side of the handshake: presents {@link #server} with its intermediate, trusts {@link #clientCa}. */
  SSLSocketFactory serverSocketFactory() {
    return serverSocketFactory(server);
  }

  SSLSocketFactory serverSocketFactory(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(certificate, intermediateCa.certificate())
        .addTrustedCertificate(clientCa.certificate())
        .build()
        .sslSocketFactory();
  }

  /** A factory that also limits the server to {@code protocols}. */
  SSLSocketFactory serverSocketFactory(String... protocols) {
    return new ConfiguringSocketFactory(serverSocketFactory(), socket -> socket.setEnabledProtocols(protocols));
  }

  /**
   * A server that sends exactly {@code chain} after the leaf, even when it is not a valid path (the JDK's
   * key stores refuse such chains, so this key manager hands them out directly).
   */
  static SSLSocketFactory serverPresenting(HeldCertificate leaf, X509Certificate... chain) {
    X509Certificate[] all = new X509Certificate[chain.length + 1];
    all[0] = leaf.certificate();
    System.arraycopy(chain, 0, all, 1, chain.length);
    X509ExtendedKeyManager keyManager = new X509ExtendedKeyManager() {
      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[0];
      }

      @Override
      public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {"server"};
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return leaf.keyPair().getPublic().getAlgorithm().equals(keyType) ? "server" : null;
      }

      @Override
      public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return chooseServerAlias(keyType, issuers, null);
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return all.clone();
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return leaf.keyPair().getPrivate();
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keyManager}, null, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Trusts only this fixture's root CA. */
  TlsConfig.Builder trustingRoot() {
    return TlsConfig.builder().trustRoots(TrustRoots.onlyPem(rootCa.certificatePem().getBytes(StandardCharsets.US_ASCII)));
  }

  static MockWebServer httpsServer(SSLSocketFactory factory) throws IOException {
    MockWebServer server = new MockWebServer();
    server.useHttps(factory);
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  static OkHttpClient client(TlsConfig config) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS);
    config.applyTo(builder);
    return builder.build();
  }

  /** Sends a GET and returns the body, so an exception is the only way to fail. */
  static String get(OkHttpClient client, MockWebServer server) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.url("/ticker")).build()).execute()) {
      return response.body().string();
    }
  }

  static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
