package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.LoopbackTlsServer;
import io.tickguard.benchmarks.fixture.MarketPayloads;
import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.core.ClientConfig;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small public call bots poll, {@code GET /api/v3/ticker/price?symbol=BTCUSDT}, over one pinned
 * loopback TLS server: TickGuard's public {@link BinanceClient#lastPrice} (Guard, Throttle, pinned
 * TLS, strict decode, audit) against hand-written OkHttp + Jackson with the same trust root and pin,
 * reading the same field into the same {@link BigDecimal}. Both pools keep 16 idle connections.
 */
@State(Scope.Benchmark)
public class LastPriceState {
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  private LoopbackTlsServer server;
  private BinanceClient tickGuard;
  private OkHttpClient raw;
  private HttpUrl rawUrl;
  private final JsonMapper rawMapper = JsonMapper.builder().build();

  @Setup(Level.Trial)
  public void start() {
    server = new LoopbackTlsServer(MarketPayloads.tickerPrice(), Protocol.HTTP_1_1);
    tickGuard = newTickGuard();

    raw = server.pinnedRawClient(16);
    rawUrl = server.baseUrl().newBuilder().encodedPath("/api/v3/ticker/price").addQueryParameter("symbol", "BTCUSDT").build();

    callTickGuard(); // fail the trial at once if either side is broken
    callRaw();
  }

  /** Drops MockWebServer's record of past requests so the heap does not grow across iterations. */
  @TearDown(Level.Iteration)
  public void forgetRequests() {
    server.forgetRecordedRequests();
  }

  /**
   * {@link #forgetRequests} and new connections for both sides, each made by one untimed call (see
   * {@link PairedCallLatency} on why a one-thread comparison needs them). The client exposes no pool,
   * so TickGuard's side is a new client over the same server; no call may be in flight.
   */
  public void reconnect() {
    forgetRequests();
    tickGuard.close();
    tickGuard = newTickGuard();
    raw.connectionPool().evictAll();
    callTickGuard();
    callRaw();
  }

  private BinanceClient newTickGuard() {
    return BinanceClient.builder()
        .config(ClientConfig.builder(server.baseUrl().toString())
            .tls(server.tickGuardTls())
            .connectionPool(16, Duration.ofMinutes(5))
            .build())
        .throttle(SignedBookTickerCall.throttle()) // never waits: the benchmark measures bookkeeping, not pacing
        .build();
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

  /** TickGuard's public last-price call. */
  public BigDecimal callTickGuard() {
    return tickGuard.lastPrice(BTC_USDT);
  }

  /** The same call by hand: URL, send, status check, Jackson tree, symbol check, decimal. */
  public BigDecimal callRaw() {
    try (Response response = raw.newCall(new Request.Builder().url(rawUrl).build()).execute()) {
      if (response.code() != 200) {
        throw new IllegalStateException("HTTP " + response.code());
      }
      JsonNode body = rawMapper.readTree(response.body().bytes());
      if (!"BTCUSDT".equals(body.path("symbol").asString())) {
        throw new IllegalStateException("Unexpected symbol " + body.path("symbol"));
      }
      return new BigDecimal(body.path("price").asString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
