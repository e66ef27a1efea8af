package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.token.AccessToken;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * What TickGuard adds in front of every call, without I/O: the stages together (the &lt; 5 us
 * budget) and each stage alone, so a regression points at its stage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineStagesBenchmark {
  /** Built once: the throttle benchmarks measure acquire, not request building. */
  private static final ApiRequest SIGNED_REQUEST = SignedBookTickerCall.request();

  /** Guard + throttle + HMAC signing + audit: the whole CPU cost of a signed attempt. */
  @Benchmark
  public Request signedStagesTickGuard(PipelineStagesState s) {
    return s.runStages(s.signing);
  }

  /** The raw client's equivalent: hand-made timestamp, HMAC and URL, no checks, no audit. */
  @Benchmark
  public Request signedStagesRaw(PipelineStagesState s) {
    return s.rawSignedRequest();
  }

  /** Guard + throttle + cached OAuth token + audit: the whole CPU cost of a bearer attempt. */
  @Benchmark
  public Request bearerStagesTickGuard(PipelineStagesState s) {
    return s.runStages(s.bearer);
  }

  /** The Guard alone: validate every input and build the HTTP request. */
  @Benchmark
  public Request guardTickGuard(PipelineStagesState s) {
    return s.guard.toHttpRequest(SignedBookTickerCall.request(), s.signing.grantedScopes());
  }

  /** Building the same request with no validation. */
  @Benchmark
  public Request guardRaw(PipelineStagesState s) {
    return s.rawRequest();
  }

  /** The throttle alone, one caller (never waits: the limit is never reached). */
  @Benchmark
  @Threads(1)
  public Duration throttleAcquireOneThread(PipelineStagesState s) {
    return s.throttle.acquire(SIGNED_REQUEST);
  }

  /** The throttle alone, eight callers contending for its lock. */
  @Benchmark
  @Threads(8)
  public Duration throttleAcquireEightThreads(PipelineStagesState s) {
    return s.throttle.acquire(SIGNED_REQUEST);
  }

  /** A cached token lookup ({@code TokenManager.token()}), one caller. */
  @Benchmark
  @Threads(1)
  public AccessToken tokenLookupOneThread(PipelineStagesState s) {
    return s.tokenFixture.tokens().token();
  }

  /** A cached token lookup, eight callers. */
  @Benchmark
  @Threads(8)
  public AccessToken tokenLookupEightThreads(PipelineStagesState s) {
    return s.tokenFixture.tokens().token();
  }
}
