package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.ACCOUNT;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.time.TimeSample;
import io.tickguard.testkit.junit.Sandbox;
import io.tickguard.testkit.testing.DemoSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The clock-skew fault drives core's real recovery: refused timestamp, resync on /time, one retry. */
@Sandbox
class ClockSkewRecoveryTest {
  /** The demo format's timestamp refusal is a clock-skew signal, like Binance's -1021. */
  private static final ErrorDecoder DEMO_ERRORS = (response, details) -> {
    TickGuardException e = ErrorDecoder.standard().decode(response, details);
    return e.providerCode().filter("TIMESTAMP_OUTSIDE_WINDOW"::equals).isPresent()
        ? new ClockSkewException(e.getMessage(), e.details()) : e;
  };

  SandboxServer sandbox;

  @AfterEach
  void clear() {
    sandbox.faults().clear();
  }

  private ServerClock serverClockSampling(OkHttpClient http) {
    Clock local = Clock.systemUTC();
    return ServerClock.builder(local).samplesPerSync(3).sampler(() -> {
      Instant sent = local.instant();
      try (Response r = http.newCall(new Request.Builder().url(sandbox.url("/demo/v1/time")).build()).execute()) {
        long serverMillis = JsonMapper.builder().build().readTree(r.body().string()).get("serverTime").asLong();
        return new TimeSample(sent, Instant.ofEpochMilli(serverMillis), local.instant());
      }
    }).build();
  }

  @Test
  void clientWithServerClockResyncsAndRetriesOnce() {
    sandbox.faults().clockSkew(Duration.ofMinutes(2));
    try (ApiClient plain = ApiClient.builder(sandbox.clientConfig()).build()) {
      ServerClock serverClock = serverClockSampling(plain.httpClient());
      DemoSigner signer = new DemoSigner(SandboxServer.DEMO_API_KEY, SandboxServer.DEMO_API_SECRET, serverClock);
      try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).authenticator(signer)
          .errorDecoder(DEMO_ERRORS).serverClock(serverClock).build()) {
        assertThat(api.execute(ACCOUNT.request().build(), JSON).has("balances")).isTrue();
        assertThat(serverClock.offset()).isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));
      }
    }
  }

  @Test
  void clientWithoutServerClockSeesTheTypedSkew() {
    sandbox.faults().clockSkew(Duration.ofMinutes(-2));
    DemoSigner signer = new DemoSigner(SandboxServer.DEMO_API_KEY, SandboxServer.DEMO_API_SECRET, Clock.systemUTC());
    try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).authenticator(signer).errorDecoder(DEMO_ERRORS).build()) {
      assertThatThrownBy(() -> api.execute(ACCOUNT.request().build(), JSON)).isInstanceOf(ClockSkewException.class);
    }
  }
}
