package io.tickguard.core.internal.stream;

import io.tickguard.core.ClientClosedException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.internal.pipeline.Pipeline;
import io.tickguard.core.observe.internal.AuditLogger;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * Opens the stream sessions of one client and closes what is left of them when the client closes.
 * Owns the client's shared stream scheduler, started on first use.
 */
public final class StreamOpener {
  private final ClientConfig config;
  private final Pipeline pipeline;
  private final AuditLogger audit;
  private final Set<DefaultStreamSession<?>> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sessions = new AtomicInteger();
  private ExecutorStreamScheduler shared;
  private volatile boolean closed;

  public StreamOpener(ClientConfig config, Pipeline pipeline, AuditLogger audit) {
    this.config = config;
    this.pipeline = pipeline;
    this.audit = audit;
  }

  /** Opens {@code spec}; {@code listener} is {@code null} for queue mode. */
  public <E> StreamSession<E> open(StreamSpec<E> spec, StreamListener<E> listener) {
    if (closed) {
      throw new ClientClosedException("stream " + spec.connect().endpoint().name());
    }
    HttpUrl baseUrl = baseUrl(spec);
    StreamScheduler scheduler = spec.scheduler().orElseGet(this::sharedScheduler);
    Clock clock = spec.clock().orElse(config.clock());
    String threads = "tickguard-stream-" + spec.connect().endpoint().name() + "-" + sessions.incrementAndGet();
    DefaultStreamSession<E> session = new DefaultStreamSession<>(
        spec, listener, pipeline, baseUrl, scheduler, clock, config.callTimeout(),
        new StreamAudit(audit, config.metrics(), spec, baseUrl.host()), threads, open::remove);
    open.add(session);
    if (closed) { // close() ran meanwhile and may not have seen this session: it must not start
      open.remove(session);
      throw new ClientClosedException("stream " + spec.connect().endpoint().name());
    }
    try {
      session.start();
    } catch (RuntimeException e) {
      open.remove(session);
      throw e;
    }
    return session;
  }

  private synchronized StreamScheduler sharedScheduler() {
    if (shared == null) {
      shared = new ExecutorStreamScheduler();
    }
    return shared;
  }

  /** Closes every session still open and stops the shared scheduler. */
  public void close() {
    closed = true;
    for (DefaultStreamSession<?> session : new ArrayList<>(open)) {
      session.close();
    }
    synchronized (this) {
      if (shared != null) {
        shared.shutdown();
      }
    }
  }

  /** The stream host: the spec's ({@code wss://} read as {@code https://}) or the client's. */
  private HttpUrl baseUrl(StreamSpec<?> spec) {
    if (spec.baseUrl().isEmpty()) {
      return config.baseUrl();
    }
    String raw = spec.baseUrl().get();
    String lower = raw.toLowerCase(Locale.ROOT);
    String url = lower.startsWith("wss://") ? "https://" + raw.substring(6)
        : lower.startsWith("ws://") ? "http://" + raw.substring(5) : raw;
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new InvalidRequestException("baseUrl", "The stream's baseUrl is not an http(s) or ws(s) URL; give the"
          + " provider's documented stream URL, such as wss://stream.example.com");
    }
    if (!parsed.isHttps() && !(config.plaintextLoopbackAllowed() && loopback(parsed.host()))) {
      throw new InvalidRequestException("baseUrl", "The stream's baseUrl must use wss:// or https://; plain ws://"
          + " is allowed only for a loopback host with ClientConfig.allowPlaintextLoopback(true)");
    }
    return parsed;
  }

  private static boolean loopback(String host) {
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name would need a DNS lookup: not a loopback literal
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  List<DefaultStreamSession<?>> openSessions() {
    return List.copyOf(open);
  }
}
