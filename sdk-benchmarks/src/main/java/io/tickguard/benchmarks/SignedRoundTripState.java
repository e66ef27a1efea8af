package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.BookTicker;
import io.tickguard.benchmarks.fixture.LoopbackTlsServer;
import io.tickguard.benchmarks.fixture.MarketPayloads;
import io.tickguard.benchmarks.fixture.RawHmac;
import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.ResponseDecoder;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.json.JsonMapper;

/**
 * One loopback TLS server and two clients for it: TickGuard's {@link ApiClient} (Guard, Throttle,
 * Auth+Sign, pinned TLS, Response decode + validate, audit) and raw OkHttp with the same trust root,
 * the same pin, a hand-signed URL and Jackson. Both pools keep 16 idle connections so that eight
 * threads never pay for a new handshake on either side.
 */
@State(Scope.Benchmark)
public class SignedRoundTripState {
  private static final ResponseDecoder<BookTicker> DECODER = response -> BookTicker.of(response.json());

  /**
   * The HTTP version the server offers. HTTP/1.1 (one pooled connection per caller) by default;
   * {@code -p protocol=h2} measures HTTP/2, where MockWebServer's own stream handling dominates.
   */
  @Param({"http/1.1"})
  public String protocol;

  private LoopbackTlsServer server;
  private ApiClient tickGuard;
  private OkHttpClient raw;
  private HttpUrl rawUrl;
  private RawHmac rawHmac;
  private final JsonMapper rawMapper = JsonMapper.builder().build();

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackTlsServer(MarketPayloads.bookTicker(), Protocol.get(protocol));
    ClientConfig config = ClientConfig.builder(server.baseUrl().toString())
        .tls(server.tickGuardTls())
        .throttle(SignedBookTickerCall.throttle())
        .connectionPool(16, Duration.ofMinutes(5))
        .build();
    tickGuard = ApiClient.builder(config).authenticator(SignedBookTickerCall.authenticator()).build();

    raw = server.pinnedRawClient(16);
    rawUrl = server.baseUrl().resolve(SignedBookTickerCall.PATH);
    rawHmac = SignedBookTickerCall.rawHmac();

    requireSameProtocol();
    callTickGuard(); // fail the trial at once if either side is broken
    callRaw();
  }

  /** Both sides must negotiate the same HTTP version, or the ratio would compare h2 with HTTP/1.1. */
  private void requireSameProtocol() throws IOException {
    Protocol viaTickGuard = protocolOf(tickGuard.httpClient());
    Protocol viaRaw = protocolOf(raw);
    if (viaTickGuard != viaRaw) {
      throw new IllegalStateException("TickGuard negotiated " + viaTickGuard + " but raw OkHttp " + viaRaw);
    }
    System.out.println("Both clients negotiated " + viaRaw);
  }

  private Protocol protocolOf(OkHttpClient client) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(server.baseUrl()).build()).execute()) {
      return response.protocol();
    }
  }

  /** Drops MockWebServer's record of past requests so the heap does not grow across iterations. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    server.forgetRecordedRequests();
  }

  /**
   * {@link #forgetRequests} and new connections for both sides, each made by one untimed call (see
   * {@link PairedCallLatency} on why a one-thread comparison needs them); no call may be in flight.
   */
  public void reconnect() {
    forgetRequests();
    tickGuard.httpClient().connectionPool().evictAll();
    raw.connectionPool().evictAll();
    callTickGuard();
    callRaw();
  }

  /** The loopback server both sides call (for tests). */
  LoopbackTlsServer server() {
    return server;
  }

  @TearDown(Level.Trial)
  public void stop() {
    tickGuard.close();
    LoopbackTlsServer.shutDown(raw);
    server.close();
  }

  /** The full TickGuard pipeline for one call. */
  public BookTicker callTickGuard() {
    return tickGuard.execute(SignedBookTickerCall.request(), DECODER, SignedBookTickerCall.NOT_CROSSED);
  }

  /** The same call by hand: timestamp, HMAC, URL, header, send, status check, Jackson tree, model. */
  public BookTicker callRaw() {
    String query = SignedBookTickerCall.rawQuery(System.currentTimeMillis());
    HttpUrl url = rawUrl.newBuilder()
        .encodedQuery(query + "&signature=" + rawHmac.signHex(query))
        .build();
    Request request = new Request.Builder()
        .url(url)
        .header("X-MBX-APIKEY", SignedBookTickerCall.API_KEY)
        .build();
    try (Response response = raw.newCall(request).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      return BookTicker.of(rawMapper.readTree(response.body().bytes()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
