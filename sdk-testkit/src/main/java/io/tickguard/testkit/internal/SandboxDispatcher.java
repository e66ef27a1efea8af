package io.tickguard.testkit.internal;

import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.OAuthServer;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.ByteString;

/**
 * Bridges MockWebServer to the sandbox: turns each recorded request into a {@link SandboxRequest},
 * applies the scheduled fault, routes it, and writes the answer with the request-id and
 * {@code Date} headers every real provider sends.
 */
public final class SandboxDispatcher extends Dispatcher {
  /** Every client is counted as this address: the sandbox listens on loopback only. */
  public static final String CLIENT_ADDRESS = "127.0.0.1";

  private final RouteTable routes;
  private final FaultPlan faults;
  private final Clock clock;
  private final String requestIdHeader;
  private final ErrorStyle faultErrors = ErrorStyle.generic();
  private final AtomicLong requestCounter = new AtomicLong();

  /** Creates the dispatcher. */
  public SandboxDispatcher(RouteTable routes, FaultPlan faults, Clock clock, String requestIdHeader) {
    this.routes = routes;
    this.faults = faults;
    this.clock = clock;
    this.requestIdHeader = requestIdHeader;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    ByteString body = recorded.getBody();
    String requestId = "sbx-" + requestCounter.incrementAndGet();
    SandboxRequest request = new SandboxRequest(
        recorded.getMethod(), recorded.getUrl(), recorded.getHeaders(),
        body == null ? new byte[0] : body.toByteArray(), requestId, CLIENT_ADDRESS);
    Optional<Fault> fault = faults.take(request.routeKey());
    if (fault.isEmpty()) {
      return render(routes.dispatch(request), requestId).build();
    }
    Fault f = fault.get();
    SandboxResponse real = f.keepsRealAnswer() ? routes.dispatch(request) : null;
    return withFault(f, real, requestId);
  }

  private MockResponse withFault(Fault fault, SandboxResponse real, String requestId) {
    switch (fault.kind()) {
      case LATENCY:
        return render(real, requestId).headersDelay(fault.duration().toMillis(), TimeUnit.MILLISECONDS).build();
      case STATUS:
        return render(faultErrors.error(fault.status(), "FAULT_" + fault.status(),
            "Injected failure: HTTP " + fault.status()), requestId).build();
      case RATE_LIMITED:
        long seconds = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
        return render(faultErrors.error(429, "RATE_LIMITED", "Injected rate limit; retry after " + seconds + " s")
            .withHeader("Retry-After", Long.toString(seconds)), requestId).build();
      case CONNECTION_RESET:
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
      case TRUNCATED_BODY:
        return truncated(real, requestId);
      case MALFORMED_JSON:
        return render(SandboxResponse.json(200, "{\"symbol\":\"BTC-USDT\",\"price\":\"65000.1"), requestId).build();
      case OVERSIZED_BODY:
        return render(SandboxResponse.of(200, "application/json", oversized(fault.size())), requestId).build();
      case WRONG_CONTENT_TYPE:
        return render(real.withHeader("Content-Type", fault.contentType()), requestId).build();
      case EXPIRED_TOKEN:
        return render(OAuthServer.expiredTokenResponse(), requestId).build();
      default:
        throw new IllegalStateException("Unhandled fault " + fault);
    }
  }

  /** Half the body, a Content-Length promising all of it, then the connection closes. */
  private MockResponse truncated(SandboxResponse real, String requestId) {
    byte[] bytes = real.body();
    long promised = Math.max(bytes.length, 16);
    Buffer half = new Buffer().write(bytes, 0, bytes.length / 2);
    return render(real, requestId)
        .body(half)
        .setHeader("Content-Length", promised)
        .onResponseEnd(new SocketEffect.CloseSocket())
        .build();
  }

  private static byte[] oversized(long size) {
    byte[] body = new byte[Math.toIntExact(size)];
    java.util.Arrays.fill(body, (byte) 'x');
    byte[] head = "{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, body, 0, head.length);
    body[body.length - 2] = '"';
    body[body.length - 1] = '}';
    return body;
  }

  private MockResponse.Builder render(SandboxResponse response, String requestId) {
    if (response.webSocketListener().isPresent()) {
      MockResponse.Builder upgrade = new MockResponse.Builder().webSocketUpgrade(response.webSocketListener().get());
      response.headers().forEach(upgrade::setHeader);
      return upgrade.setHeader(requestIdHeader, requestId);
    }
    MockResponse.Builder out = new MockResponse.Builder().code(response.status());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      out.setHeader(h.getKey(), h.getValue());
    }
    out.setHeader(requestIdHeader, requestId);
    out.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
    if (response.streamingBody().isPresent()) {
      out.body(new ChunkedStream(response.streamingBody().get()));
      out.removeHeader("Content-Length");
      out.setHeader("Transfer-Encoding", "chunked");
      // A stream never shares its connection: when it ends (or is cut) the socket closes.
      out.onResponseEnd(new SocketEffect.CloseSocket());
      return out;
    }
    out.body(new Buffer().write(response.body()));
    return out;
  }
}
