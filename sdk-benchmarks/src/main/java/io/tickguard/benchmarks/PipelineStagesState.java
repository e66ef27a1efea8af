package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.RawHmac;
import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.benchmarks.fixture.TokenFixture;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Version;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.internal.RequestGuard;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.internal.AuditLogger;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.token.BearerAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * TickGuard's per-call stages without any I/O, wired as {@link io.tickguard.core.ApiClient} wires them:
 * the Guard ({@link RequestGuard}), a real {@link io.tickguard.core.throttle.InProcessThrottle} that
 * never has to wait, the HMAC {@link io.tickguard.core.auth.SigningAuthenticator} or the OAuth
 * {@link BearerAuthenticator} on a cached token, and the {@link AuditLogger} at its default level.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark) // qualified: auth.Scope is imported
public class PipelineStagesState {
  private static final HttpUrl BASE_URL = HttpUrl.get("https://api.example.com/");

  RequestGuard guard;
  Throttle throttle;
  RequestAuthenticator signing;
  RequestAuthenticator bearer;
  AuditLogger audit;
  RawHmac rawHmac;
  TokenFixture tokenFixture;

  @Setup(Level.Trial)
  public void wire() {
    guard = new RequestGuard(BASE_URL, Version.USER_AGENT);
    throttle = SignedBookTickerCall.throttle();
    signing = SignedBookTickerCall.authenticator();
    tokenFixture = new TokenFixture();
    bearer = new BearerAuthenticator(tokenFixture.tokens(), Set.of(Scope.ACCOUNT_READ));
    audit = new AuditLogger();
    rawHmac = SignedBookTickerCall.rawHmac();
  }

  @TearDown(Level.Trial)
  public void stop() {
    tokenFixture.close();
  }

  /** Guard, Throttle, {@code authenticator}, then the audit event, as one attempt runs them. */
  Request runStages(RequestAuthenticator authenticator) {
    ApiRequest api = SignedBookTickerCall.request();
    Request http = guard.toHttpRequest(api, authenticator.grantedScopes());
    Duration waited = throttle.acquire(api);
    Request authenticated;
    try {
      authenticated = authenticator.authenticate(http, api);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.log(new AttemptEvent(
        api.endpoint().name(), api.endpoint().method().name(), http.url().host(),
        api.endpoint().pathTemplate(), 1, 200, Duration.ofNanos(1), waited, "bench-1", null));
    return authenticated;
  }

  /** What a raw client does before sending: timestamp, HMAC, URL, key header. */
  Request rawSignedRequest() {
    String query = SignedBookTickerCall.rawQuery(System.currentTimeMillis());
    return new Request.Builder()
        .url(BASE_URL.resolve(SignedBookTickerCall.PATH).newBuilder()
            .encodedQuery(query + "&signature=" + rawHmac.signHex(query))
            .build())
        .header("X-MBX-APIKEY", SignedBookTickerCall.API_KEY)
        .build();
  }

  /** What a raw client does to build the same unsigned request: no checks. */
  Request rawRequest() {
    return new Request.Builder()
        .url(BASE_URL.resolve(SignedBookTickerCall.PATH).newBuilder()
            .addQueryParameter("symbol", SignedBookTickerCall.SYMBOL)
            .build())
        .header("User-Agent", Version.USER_AGENT)
        .header("Accept", "application/json")
        .build();
  }
}
