package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.SignedBookTickerCall;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SigningInput;
import io.tickguard.crypto.binance.BinanceSigners;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Binance's HMAC-SHA256 signature with eight threads signing at once ({@link SignerBenchmark} has
 * one): TickGuard's signer, one instance shared by every thread as a client shares it, against a
 * hand-written {@link Mac} call, each thread keeping its own initialised {@code Mac} (the fastest
 * thread-safe way to write it by hand). Both sign the same canonical query with the same key.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(8)
public class HmacThreadsBenchmark {

  /** The signer, key and request every thread shares. */
  @State(Scope.Benchmark)
  public static class Shared {
    final RequestSigner signer = BinanceSigners.hmac();
    SigningInput input;
    ApiCredentials credentials;
    String canonical;

    @Setup
    public void prepare() {
      Instant now = Instant.ofEpochMilli(1_700_000_000_000L);
      canonical = SignedBookTickerCall.rawQuery(now.toEpochMilli());
      input = SignedBookTickerCall.signingInput(now);
      credentials = ApiCredentials.hmac(SignedBookTickerCall.API_KEY,
          Secret.ofBytes(SignedBookTickerCall.SECRET.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** One thread's own hand-written {@code Mac}, initialised once. */
  @State(Scope.Thread)
  public static class OwnMac {
    Mac mac;

    @Setup
    public void prepare() throws GeneralSecurityException {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SignedBookTickerCall.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** The hex HMAC-SHA256 of {@code text}. */
    String signHex(String text) {
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Benchmark
  public RequestSignature eightThreadsTickGuard(Shared shared) {
    return shared.signer.sign(shared.input, shared.credentials);
  }

  @Benchmark
  public String eightThreadsRaw(Shared shared, OwnMac own) {
    return own.signHex(shared.canonical);
  }
}
