package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Sleeper;
import io.tickguard.core.token.AccessToken;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.OAuthSettings;
import io.tickguard.testkit.SandboxServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four instances (each its own ApiClient, Redis connection, RedisTokenSession and TokenManager)
 * share one rotating OAuth session of the sandbox's OAuth server, which revokes the whole token
 * family when a refresh token is presented twice.
 */
class FleetTokenSessionTest extends SharedRedisTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final AtomicInteger tokenRequests = new AtomicInteger();
  final List<AutoCloseable> closing = new ArrayList<>();
  final TokenEncryption encryption = TokenEncryption.builder().currentKey("k1", key(1)).build();
  SandboxServer sandbox;
  String session;
  ExecutorService pool;

  record Instance(RedisTokenSession session, TokenManager tokens) {}

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock)
        .oauth(OAuthSettings.defaults().withAccessTokenTtl(Duration.ofSeconds(60))).start();
    session = "s" + System.nanoTime();
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    for (AutoCloseable c : closing) {
      c.close();
    }
    sandbox.close();
  }

  static Secret key(int seed) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) seed);
    return Secret.ofBytes(bytes);
  }

  static Secret secret(String s) {
    return Secret.ofBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** One instance of the fleet, its token requests counted, refreshing through Redis. */
  Instance instance(String owner, Sleeper sleeper, Duration pollInterval) {
    ApiClient api = ApiClient.builder(sandbox.clientConfigBuilder().clock(clock).build()).build();
    closing.add(api);
    OkHttpClient counted = api.httpClient().newBuilder().addInterceptor(chain -> {
      tokenRequests.incrementAndGet();
      return chain.proceed(chain.request());
    }).build();
    return instance(owner, sleeper, pollInterval, counted, sandbox.tokenUrl());
  }

  Instance instance(String owner, Sleeper sleeper, Duration pollInterval, OkHttpClient http, HttpUrl tokenUrl) {
    TokenEndpointClient endpoint = TokenEndpointClient.builder(http, tokenUrl, SandboxServer.DEMO_OAUTH_CLIENT_ID)
        .clientSecret(secret(SandboxServer.DEMO_OAUTH_CLIENT_SECRET)).clock(clock)
        .allowPlaintextLoopback(tokenUrl.scheme().equals("http")).build();
    RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port()).build());
    closing.add(backend);
    RedisTokenSession s = RedisTokenSession.builder(backend, session, encryption).clock(clock).sleeper(sleeper)
        .pollInterval(pollInterval).owner(owner).build();
    TokenManager tokens = s.attach(TokenManager.builder(endpoint)).clock(clock)
        .refreshMargin(Duration.ofSeconds(10)).jitter(m -> 0).build();
    return new Instance(s, tokens);
  }

  static String text(AccessToken t) {
    return new String(t.value().chars());
  }

  /** Every instance asks from two threads at once; returns each instance's token afterwards. */
  List<String> everyoneAsks(List<Instance> fleet) throws Exception {
    List<Future<AccessToken>> calls = new ArrayList<>();
    for (Instance i : fleet) {
      for (int t = 0; t < 2; t++) {
        calls.add(pool.submit(() -> i.tokens().token()));
      }
    }
    for (Future<AccessToken> f : calls) {
      f.get(60, TimeUnit.SECONDS);
    }
    List<String> after = new ArrayList<>();
    for (Instance i : fleet) {
      after.add(text(i.tokens().token()));
    }
    return after;
  }

  @Test
  void fourInstancesRefreshOncePerExpiryThroughThirtyExpiriesWithNoRefreshTokenReuse() throws Exception {
    List<Instance> fleet = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fleet.add(instance("bot-" + i, Sleeper.system(), Duration.ofMillis(5)));
    }
    List<String> first = everyoneAsks(fleet);
    assertThat(new HashSet<>(first)).hasSize(1);
    assertThat(tokenRequests).hasValue(1);

    Set<String> seen = new HashSet<>(first);
    for (int expiry = 1; expiry <= 30; expiry++) {
      clock.advance(Duration.ofSeconds(55)); // past every instance's refresh time, before expiry
      List<String> after = everyoneAsks(fleet);
      assertThat(new HashSet<>(after)).as("expiry %d: one token for the fleet", expiry).hasSize(1);
      assertThat(seen.add(after.get(0))).as("expiry %d: a new token", expiry).isTrue();
      assertThat(tokenRequests).as("expiry %d: one token request for the fleet", expiry).hasValue(1 + expiry);
    }
    assertThat(sandbox.context().oauth().revokedFamilies()).as("refresh tokens presented twice").isZero();
  }

  @Test
  void aHolderKilledMidRefreshLosesItsLeaseAndAnotherInstanceRefreshesWithoutReuse() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    try (MockWebServer blackHole = new MockWebServer()) {
      blackHole.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          arrived.countDown();
          released.await(60, TimeUnit.SECONDS);
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"zombie\",\"token_type\":\"Bearer\",\"expires_in\":60,\"refresh_token\":\"zombie-r\"}")
              .build();
        }
      });
      blackHole.start(InetAddress.getByName("127.0.0.1"), 0);
      // The victim's token requests never reach the OAuth server: it hangs holding the lock.
      OkHttpClient hanging = new OkHttpClient.Builder().readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
      Instance victim = instance("victim", Sleeper.system(), Duration.ofMillis(5), hanging, blackHole.url("/oauth2/token"));
      Instance survivor = instance("survivor", d -> clock.advance(d), Duration.ofSeconds(1));

      AccessToken before = survivor.tokens().token();
      assertThat(victim.tokens().token().value().contentEquals(before.value())).isTrue(); // reused, not refreshed
      assertThat(tokenRequests).hasValue(1);

      clock.advance(Duration.ofSeconds(55));
      Future<AccessToken> victimCall = pool.submit(() -> victim.tokens().token());
      assertThat(arrived.await(30, TimeUnit.SECONDS)).as("victim holds the lock and is mid-request").isTrue();
      long killedAt = clock.millis();

      AccessToken after = survivor.tokens().token(); // waits out the 30 s lease in virtual time, then refreshes
      assertThat(after.value().contentEquals(before.value())).isFalse();
      assertThat(clock.millis() - killedAt).as("recovered within the lease plus one poll")
          .isLessThanOrEqualTo(Duration.ofSeconds(31).toMillis());
      assertThat(tokenRequests).hasValue(2);
      assertThat(sandbox.context().oauth().revokedFamilies()).isZero();

      // The zombie comes back with tokens: its fence is stale, so nothing it got is published.
      released.countDown();
      assertThatThrownBy(() -> victimCall.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause()
          .isInstanceOf(AuthenticationException.class).hasMessageContaining("lock").hasMessageNotContaining("zombie");
      assertThat(new String(survivor.session().refreshToken().orElseThrow().chars())).isNotEqualTo("zombie-r");

      // The session lives on: the next expiry refreshes with the survivor's rotated token, no reuse.
      clock.advance(Duration.ofSeconds(55));
      AccessToken next = survivor.tokens().token();
      assertThat(next.value().contentEquals(after.value())).isFalse();
      assertThat(tokenRequests).hasValue(3);
      assertThat(sandbox.context().oauth().revokedFamilies()).isZero();
    }
  }

  @Test
  void aRefusedTokenIsReplacedOnceForTheFleetAfterA401() throws Exception {
    Instance a = instance("a", Sleeper.system(), Duration.ofMillis(5));
    Instance b = instance("b", Sleeper.system(), Duration.ofMillis(5));
    String first = text(a.tokens().token());
    assertThat(text(b.tokens().token())).isEqualTo(first);
    assertThat(a.tokens().refreshAfterUnauthorized(first)).isTrue(); // a's request got a 401
    assertThat(b.tokens().refreshAfterUnauthorized(first)).isTrue(); // so did b's, with the same token
    assertThat(text(a.tokens().token())).isEqualTo(text(b.tokens().token())).isNotEqualTo(first);
    assertThat(tokenRequests).hasValue(2);
    assertThat(sandbox.context().oauth().revokedFamilies()).isZero();
  }
}
