package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.RateLimitedException;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.testkit.ServedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SaxoClient's throttle end to end against the sandbox: Saxo's {@code X-RateLimit-Session-*}
 * headers pause only the service group that answered, and a throttle chosen in the {@code
 * ClientConfig} replaces Saxo's preset as the builder's own does (builder > config > preset).
 */
class SaxoRateLimitSandboxTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final String INFO_PRICES = "GET /sim/openapi/trade/v1/infoprices/list";

  private final SaxoSandbox sandbox = new SaxoSandbox();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private long served(String routeKey) {
    return sandbox.server.servedRequests().stream().map(ServedRequest::routeKey).filter(routeKey::equals).count();
  }

  @Test
  void sessionRemainingZeroRefusesTheNextTradeCallClientSideWhileOtherGroupsGoOn() {
    sandbox.routes.sessionLimit(3); // Saxo's headers say "none left" long before the client's 120 would
    try (SaxoClient saxo = sandbox.client(new InMemoryTokenStore())) {
      saxo.login(sandbox.browser());
      for (int i = 0; i < 3; i++) {
        saxo.quote(EURUSD); // the third answer: X-RateLimit-Session-Remaining: 0, -Reset: 60
      }
      assertThatThrownBy(() -> saxo.quote(EURUSD)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
        assertThat(e.clientSide()).as("refused by the client's throttle, not by Saxo").isTrue();
        assertThat(e.window()).isEqualTo(SaxoLimits.TRADE + "/1m");
        assertThat(e.retryAfter()).get().isEqualTo(Duration.ofSeconds(60));
      });
      assertThat(served(INFO_PRICES)).as("the refused call was never sent").isEqualTo(3);

      assertThat(saxo.search("EUR")).as("reference data has its own window").isNotEmpty();
      Instant now = sandbox.clock.instant();
      assertThat(saxo.candles(EURUSD, Granularity.M1, now.minusSeconds(300), now)).as("so has chart data").isNotEmpty();

      sandbox.clock.advance(Duration.ofSeconds(60)); // Saxo's reset has passed
      assertThat(saxo.quote(EURUSD).pair()).isEqualTo(EURUSD);
      assertThat(served(INFO_PRICES)).isEqualTo(4);
    }
  }

  @Test
  void aThrottleAllowedToWaitWaitsExactlyUntilSaxosResetThenCalls() {
    sandbox.routes.sessionLimit(3);
    List<Duration> slept = new CopyOnWriteArrayList<>();
    Throttle waiting = InProcessThrottle.builder(SaxoLimits.openApi()).clock(sandbox.clock).sleeper(d -> {
      slept.add(d);
      sandbox.clock.advance(d);
    }).maxWait(Duration.ofMinutes(2)).build();
    SaxoClient.Builder builder = sandbox.builder(new InMemoryTokenStore()).throttle(waiting)
        .config(sandbox.server.clientConfigBuilder().clock(sandbox.clock).callTimeout(Duration.ofMinutes(2)).build());
    try (SaxoClient saxo = builder.build()) {
      saxo.login(sandbox.browser());
      Instant start = sandbox.clock.instant();
      for (int i = 0; i < 3; i++) {
        saxo.quote(EURUSD);
      }
      assertThat(slept).isEmpty();
      saxo.search("EUR");
      assertThat(slept).as("another group never waits for the trade group").isEmpty();

      Quote fourth = saxo.quote(EURUSD);
      assertThat(fourth.pair()).isEqualTo(EURUSD);
      assertThat(slept).containsExactly(Duration.ofSeconds(60));
      assertThat(sandbox.clock.instant()).isEqualTo(start.plusSeconds(60));
      assertThat(served(INFO_PRICES)).isEqualTo(4);
    }
  }

  @Test
  void aThrottleChosenInTheConfigReplacesSaxosPresetSoCall121WithinAMinuteGoesThrough() {
    sandbox.routes.sessionLimit(500); // the sandbox lets more through than Saxo's 120
    SaxoClient.Builder builder = sandbox.builder(new InMemoryTokenStore())
        .config(sandbox.server.clientConfigBuilder().clock(sandbox.clock).throttle(Throttle.unlimited()).build());
    try (SaxoClient saxo = builder.build()) {
      saxo.login(sandbox.browser());
      for (int i = 0; i < 121; i++) {
        saxo.quote(EURUSD);
      }
      assertThat(served(INFO_PRICES)).isEqualTo(121);
    }
  }

  @Test
  void withoutAChosenThrottleCall121WithinAMinuteIsRefusedByTheSaxoPreset() {
    sandbox.routes.sessionLimit(500);
    try (SaxoClient saxo = sandbox.client(new InMemoryTokenStore())) {
      saxo.login(sandbox.browser());
      for (int i = 0; i < 120; i++) {
        saxo.quote(EURUSD);
      }
      assertThatThrownBy(() -> saxo.quote(EURUSD)).isInstanceOfSatisfying(RateLimitedException.class,
          e -> assertThat(e.clientSide()).isTrue());
      assertThat(served(INFO_PRICES)).isEqualTo(120);
    }
  }

  @Test
  void theBuildersThrottleWinsOverTheConfigs() {
    Throttle oneRefCallAMinute = InProcessThrottle.builder("one-ref-call-a-minute").clock(sandbox.clock).maxWait(Duration.ZERO)
        .limit(RateLimit.fixedWindow(SaxoLimits.REF, 1, Duration.ofMinutes(1)).countingRequests())
        .limit(RateLimit.fixedWindow(SaxoLimits.TRADE, 120, Duration.ofMinutes(1)).countingRequests()).build();
    SaxoClient.Builder builder = sandbox.builder(new InMemoryTokenStore())
        .config(sandbox.server.clientConfigBuilder().clock(sandbox.clock).throttle(Throttle.unlimited()).build())
        .throttle(oneRefCallAMinute);
    try (SaxoClient saxo = builder.build()) {
      saxo.login(sandbox.browser());
      assertThat(saxo.quote(EURUSD).pair()).as("the Uic lookup took the only reference-data permit").isEqualTo(EURUSD);
      assertThatThrownBy(() -> saxo.search("EUR"))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo(SaxoLimits.REF + "/1m"));
    }
  }
}
