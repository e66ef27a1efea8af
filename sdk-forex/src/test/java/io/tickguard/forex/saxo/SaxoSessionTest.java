package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.FileTokenStore;
import io.tickguard.core.token.TokenStore;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Saxo session kept alive through 30 access-token expiries under 8 threads, with its price stream
 * open the whole time, then resumed by a restarted process from the file token store. Virtual time:
 * the sandbox and the client share a clock the test moves.
 */
class SaxoSessionTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final int EXPIRIES = 30;
  private static final int THREADS = 8;

  private final SaxoSandbox sandbox = new SaxoSandbox();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  /** Stream timers on a clock of their own: they run only when the test says, never on the sandbox's 20-minute steps. */
  private final io.tickguard.testkit.ManualStreamScheduler scheduler =
      new io.tickguard.testkit.ManualStreamScheduler(new io.tickguard.testkit.MutableClock(java.time.Instant.parse("2024-01-01T00:00:00Z")));

  @TempDir
  Path dir;

  @AfterEach
  void close() {
    pool.shutdownNow();
    sandbox.close();
  }

  /** Records every refresh token the client stores, to prove none is stored (so none is sent) twice. */
  private static final class RecordingStore implements TokenStore {
    final TokenStore inner;
    final List<String> saved = new CopyOnWriteArrayList<>();

    RecordingStore(TokenStore inner) {
      this.inner = inner;
    }

    @Override
    public Optional<Secret> refreshToken() {
      return inner.refreshToken();
    }

    @Override
    public void save(Secret refreshToken) {
      saved.add(new String(refreshToken.bytes(), StandardCharsets.UTF_8));
      inner.save(refreshToken);
    }

    @Override
    public void clear() {
      inner.clear();
    }
  }

  @Test
  void sessionSurvivesThirtyExpiriesUnderEightThreadsWithTheStreamReauthorizedAndARestartResumes() throws Exception {
    Path file = dir.resolve("saxo.token");
    FileTokenStore firstProcessFile = new FileTokenStore(file);
    RecordingStore store = new RecordingStore(firstProcessFile);
    String context;
    try (SaxoClient saxo = sandbox.builder(store).streamScheduler(scheduler).build()) {
      saxo.login(sandbox.browser());
      AtomicInteger newTokens = new AtomicInteger();
      saxo.tokens().addListener(t -> newTokens.incrementAndGet());
      QuoteStream stream = saxo.streamQuotes(List.of(EURUSD),
          QuoteStreamOptions.defaults().withBuffer(10_000, Backpressure.DROP_OLDEST));
      context = sandbox.routes.streaming().contextIds().get(0);

      int timers = scheduler.pending();
      for (int expiry = 1; expiry <= EXPIRIES; expiry++) {
        // Into the refresh window, 1:59 before the 20-minute token expires (the last step below
        // already moved 2 minutes past the previous refresh).
        sandbox.clock.advance(expiry == 1 ? Duration.ofMinutes(18).plusSeconds(1) : Duration.ofMinutes(16).plusSeconds(1));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          calls.add(pool.submit(() -> {
            start.await();
            return saxo.quote(EURUSD);
          }));
        }
        start.countDown();
        for (Future<?> f : calls) {
          f.get();
        }
        assertThat(newTokens.get()).as("exactly one refresh for expiry %d", expiry).isEqualTo(expiry);
        // The refresh asked the stream session to re-authorize: it runs on the session's scheduler.
        scheduler.awaitPending(timers + 1);
        scheduler.runDue();
        assertThat(sandbox.routes.streaming().reauthorizations(context)).isEqualTo(expiry);
        // Past the old token's expiry: the stream still runs on the token it was re-authorized with.
        sandbox.clock.advance(Duration.ofMinutes(2));
        sandbox.routes.streaming().publish();
      }

      var streaming = sandbox.routes.streaming();
      assertThat(streaming.reauthorizations(context)).isEqualTo(EXPIRIES);
      assertThat(streaming.disconnectsSent(context)).isZero();
      assertThat(streaming.connects(context)).as("never dropped, never reconnected").isEqualTo(1);
      assertThat(stream.connections()).isEqualTo(1);
      assertThat(store.saved).as("login plus one rotation per expiry").hasSize(EXPIRIES + 1);
      Set<String> distinct = new HashSet<>(store.saved);
      assertThat(distinct).as("every stored refresh token is new").hasSize(store.saved.size());
      assertThat(sandbox.server.context().oauth().revokedFamilies()).as("no refresh token was ever replayed").isZero();
      // The stream never ended: a poll returns (rather than throwing StreamClosedException) and no failure.
      stream.poll(Duration.ZERO);
      assertThat(stream.failure()).as("the stream never ended").isEmpty();
      assertThat(stream.state().isFinal()).isFalse();
    }

    firstProcessFile.close(); // the first process ends: its lock on the token file goes with it
    // A new process: the file holds the last rotated refresh token; no login needed.
    try (SaxoClient restarted = sandbox.client(new FileTokenStore(file))) {
      assertThat(restarted.hasSession()).isTrue();
      assertThat(restarted.quote(EURUSD).pair()).isEqualTo(EURUSD);
      assertThat(sandbox.server.context().oauth().revokedFamilies()).isZero();
    }
  }

  @Test
  void idleStreamingOnlyClientRefreshesOnItsOwnAndItsSocketIsNeverCut() throws Exception {
    // The keep-alive ticks in real time; whether a refresh is due is judged on the virtual clock.
    try (SaxoClient saxo = sandbox.builder(new FileTokenStore(dir.resolve("idle.token"))).keepAlive(Duration.ofMillis(20))
        .streamScheduler(scheduler).build()) {
      saxo.login(sandbox.browser());
      QuoteStream stream = saxo.streamQuotes(List.of(EURUSD), QuoteStreamOptions.defaults().withBuffer(100, Backpressure.DROP_OLDEST));
      String context = sandbox.routes.streaming().contextIds().get(0);
      int timers = scheduler.pending();
      // Registered after the stream's own listener, so the re-authorization is scheduled when it runs.
      CountDownLatch refreshed = new CountDownLatch(1);
      saxo.tokens().addListener(t -> refreshed.countDown());

      sandbox.clock.advance(Duration.ofMinutes(18).plusSeconds(1));
      assertThat(refreshed.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("refreshed without any call").isTrue();
      scheduler.awaitPending(timers + 1);
      scheduler.runDue();
      sandbox.clock.advance(Duration.ofMinutes(2));
      sandbox.routes.streaming().publish();

      var streaming = sandbox.routes.streaming();
      assertThat(streaming.reauthorizations(context)).isEqualTo(1);
      assertThat(streaming.disconnectsSent(context)).isZero();
      assertThat(streaming.connected(context)).isTrue();
      assertThat(stream.connections()).isEqualTo(1);
    }
  }
}
