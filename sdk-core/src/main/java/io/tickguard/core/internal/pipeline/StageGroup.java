package io.tickguard.core.internal.pipeline;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Authenticator;
import okhttp3.Cache;
import okhttp3.Call;
import okhttp3.CertificatePinner;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Consecutive stages registered with OkHttp as one interceptor. Each stage still sees a chain whose
 * {@code proceed} runs the next stage, in the same order and with the same request, and the last
 * stage's {@code proceed} continues OkHttp's own chain; but OkHttp's chain is copied once for the
 * group instead of once per stage (a copy of OkHttp 5's chain carries some twenty settings and was a
 * measurable part of a call's CPU, see docs/performance.md, round 6). Everything else a stage may ask
 * its chain (call, connection, timeouts, the {@code with...} settings) is OkHttp's: a {@code with...}
 * setting changes OkHttp's chain the group continues with, as it would for separate interceptors.
 */
final class StageGroup implements Interceptor {
  private final Stage[] stages;

  StageGroup(List<Stage> stages) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a group needs a stage");
    }
    this.stages = stages.toArray(new Stage[0]);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    return stages[0].intercept(new Link(stages, 1, request, chain, CallContext.of(request)));
  }

  /**
   * The context of the request {@code chain} carries. A chain of this group knows it already (looked
   * up once per request the group sees: an OkHttp tag lookup builds a Kotlin class reference and walks
   * the request's tags, and every stage asks); any other chain is asked for its request's tag.
   */
  static CallContext contextOf(Chain chain) {
    return chain instanceof Link link ? link.context : CallContext.of(chain.request());
  }

  /**
   * {@code chain.proceed(next)} for a stage that replaced its request with {@code next} of the same
   * call (tagged with the same context, as the Guard's is): a chain of this group keeps the context it
   * knows instead of looking up {@code next}'s tag.
   */
  static Response proceedInCall(Chain chain, Request next) throws IOException {
    return chain instanceof Link link ? link.proceed(next, link.context) : chain.proceed(next);
  }

  /** The chain stage {@code index - 1} sees: {@code proceed} runs stage {@code index}, or OkHttp's next. */
  private static final class Link implements Chain {
    private final Stage[] stages;
    private final int index;
    private final Request request;
    private final Chain outer;
    /** The context {@link #request} carries, or {@code null} (not a TickGuard call). */
    private final CallContext context;

    Link(Stage[] stages, int index, Request request, Chain outer, CallContext context) {
      this.stages = stages;
      this.index = index;
      this.request = request;
      this.outer = outer;
      this.context = context;
    }

    private Chain with(Chain changed) {
      return new Link(stages, index, request, changed, context);
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request next) throws IOException {
      if (index == stages.length) {
        return outer.proceed(next);
      }
      // A stage that proceeds with another request may carry another tag.
      return proceed(next, next == request ? context : CallContext.of(next));
    }

    private Response proceed(Request next, CallContext nextContext) throws IOException {
      if (index == stages.length) {
        return outer.proceed(next);
      }
      return stages[index].intercept(new Link(stages, index + 1, next, outer, nextContext));
    }

    @Override
    public Connection connection() {
      return outer.connection();
    }

    @Override
    public Call call() {
      return outer.call();
    }

    @Override
    public int connectTimeoutMillis() {
      return outer.connectTimeoutMillis();
    }

    @Override
    public Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return with(outer.withConnectTimeout(timeout, unit));
    }

    @Override
    public int readTimeoutMillis() {
      return outer.readTimeoutMillis();
    }

    @Override
    public Chain withReadTimeout(int timeout, TimeUnit unit) {
      return with(outer.withReadTimeout(timeout, unit));
    }

    @Override
    public int writeTimeoutMillis() {
      return outer.writeTimeoutMillis();
    }

    @Override
    public Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return with(outer.withWriteTimeout(timeout, unit));
    }

    @Override
    public boolean getFollowSslRedirects() {
      return outer.getFollowSslRedirects();
    }

    @Override
    public boolean getFollowRedirects() {
      return outer.getFollowRedirects();
    }

    @Override
    public Dns getDns() {
      return outer.getDns();
    }

    @Override
    public Chain withDns(Dns dns) {
      return with(outer.withDns(dns));
    }

    @Override
    public SocketFactory getSocketFactory() {
      return outer.getSocketFactory();
    }

    @Override
    public Chain withSocketFactory(SocketFactory factory) {
      return with(outer.withSocketFactory(factory));
    }

    @Override
    public boolean getRetryOnConnectionFailure() {
      return outer.getRetryOnConnectionFailure();
    }

    @Override
    public Chain withRetryOnConnectionFailure(boolean retry) {
      return with(outer.withRetryOnConnectionFailure(retry));
    }

    @Override
    public Authenticator getAuthenticator() {
      return outer.getAuthenticator();
    }

    @Override
    public Chain withAuthenticator(Authenticator authenticator) {
      return with(outer.withAuthenticator(authenticator));
    }

    @Override
    public CookieJar getCookieJar() {
      return outer.getCookieJar();
    }

    @Override
    public Chain withCookieJar(CookieJar cookieJar) {
      return with(outer.withCookieJar(cookieJar));
    }

    @Override
    public Cache getCache() {
      return outer.getCache();
    }

    @Override
    public Chain withCache(Cache cache) {
      return with(outer.withCache(cache));
    }

    @Override
    public Proxy getProxy() {
      return outer.getProxy();
    }

    @Override
    public Chain withProxy(Proxy proxy) {
      return with(outer.withProxy(proxy));
    }

    @Override
    public ProxySelector getProxySelector() {
      return outer.getProxySelector();
    }

    @Override
    public Chain withProxySelector(ProxySelector selector) {
      return with(outer.withProxySelector(selector));
    }

    @Override
    public Authenticator getProxyAuthenticator() {
      return outer.getProxyAuthenticator();
    }

    @Override
    public Chain withProxyAuthenticator(Authenticator authenticator) {
      return with(outer.withProxyAuthenticator(authenticator));
    }

    @Override
    public SSLSocketFactory getSslSocketFactoryOrNull() {
      return outer.getSslSocketFactoryOrNull();
    }

    @Override
    public Chain withSslSocketFactory(SSLSocketFactory factory, X509TrustManager trustManager) {
      return with(outer.withSslSocketFactory(factory, trustManager));
    }

    @Override
    public X509TrustManager getX509TrustManagerOrNull() {
      return outer.getX509TrustManagerOrNull();
    }

    @Override
    public HostnameVerifier getHostnameVerifier() {
      return outer.getHostnameVerifier();
    }

    @Override
    public Chain withHostnameVerifier(HostnameVerifier verifier) {
      return with(outer.withHostnameVerifier(verifier));
    }

    @Override
    public CertificatePinner getCertificatePinner() {
      return outer.getCertificatePinner();
    }

    @Override
    public Chain withCertificatePinner(CertificatePinner pinner) {
      return with(outer.withCertificatePinner(pinner));
    }

    @Override
    public ConnectionPool getConnectionPool() {
      return outer.getConnectionPool();
    }

    @Override
    public Chain withConnectionPool(ConnectionPool pool) {
      return with(outer.withConnectionPool(pool));
    }

    @Override
    public EventListener getEventListener() {
      return outer.getEventListener();
    }
  }
}
