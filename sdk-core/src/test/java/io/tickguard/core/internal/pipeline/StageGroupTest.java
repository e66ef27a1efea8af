package io.tickguard.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.internal.RequestGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stages registered as one OkHttp interceptor behave as separate interceptors did: order, requests
 * handed on, repeated {@code proceed} (retries), settings changed with {@code with...}, and OkHttp's
 * own checks on network interceptors.
 */
class StageGroupTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A stage named {@code name} that does what {@code body} does. */
  private static Stage stage(String name, Interceptor body) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Response intercept(Chain chain) throws IOException {
        return body.intercept(chain);
      }
    };
  }

  /** A stage that records its name and the request it saw, and adds a header naming itself. */
  private Stage marking(String name) {
    return stage(name, chain -> {
      seen.add(name + " sees " + chain.request().header("X-Path"));
      String path = chain.request().header("X-Path");
      Response response = chain.proceed(chain.request().newBuilder()
          .header("X-Path", path == null ? name : path + ">" + name).build());
      seen.add(name + " back " + response.code());
      return response;
    });
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("ok").build();
  }

  @Test
  void stagesRunInOrderEachSeesTheRequestOfTheOneBeforeAndTheServerGetsTheLast() throws Exception {
    server.enqueue(ok());
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new StageGroup(List.of(marking("A"), marking("B"))))
        .addNetworkInterceptor(new StageGroup(List.of(marking("C"), marking("D"))))
        .build();

    try (Response response = client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    RecordedRequest recorded = server.takeRequest();
    assertThat(recorded.getHeaders().get("X-Path")).isEqualTo("A>B>C>D");
    assertThat(seen).containsExactly(
        "A sees null", "B sees A", "C sees A>B", "D sees A>B>C", "D back 200", "C back 200", "B back 200", "A back 200");
  }

  /** A stage that records the context it is told its request carries, then proceeds with {@code next}'s request. */
  private Stage readingContext(String name, java.util.function.UnaryOperator<Request> next) {
    return stage(name, chain -> {
      CallContext context = CallContext.of(chain);
      assertThat(context).as("%s: the group's answer is the request's own tag", name)
          .isSameAs(CallContext.of(chain.request()));
      seen.add(name + " " + (context == null ? "none" : context.request().endpoint().name()));
      return chain.proceed(next.apply(chain.request()));
    });
  }

  private static CallContext context(String endpoint, HttpUrl baseUrl) {
    ApiRequest request = Endpoint.builder(endpoint, HttpMethod.GET, "/x").build().request().build();
    return CallContext.stream(request, new RequestGuard(baseUrl, "test"), baseUrl, null);
  }

  @Test
  void eachStageIsToldTheContextOfTheRequestItWasHanded() throws Exception {
    server.enqueue(ok());
    HttpUrl url = server.url("/x");
    CallContext first = context("first", url);
    CallContext second = context("second", url);
    Interceptor outsideAGroup = chain -> {
      CallContext context = CallContext.of(chain);
      seen.add("plain " + (context == null ? "none" : context.request().endpoint().name()));
      return chain.proceed(chain.request());
    };
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new StageGroup(List.of(
            readingContext("A", r -> r),
            readingContext("B", r -> r.newBuilder().tag(CallContext.class, second).build()),
            readingContext("C", r -> r.newBuilder().tag(CallContext.class, null).build()),
            readingContext("D", r -> r.newBuilder().tag(CallContext.class, first).build()))))
        .addNetworkInterceptor(outsideAGroup)
        .addNetworkInterceptor(new StageGroup(List.of(readingContext("E", r -> r))))
        .build();

    try (Response response = client.newCall(
        new Request.Builder().url(url).tag(CallContext.class, first).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(seen).containsExactly("A first", "B first", "C second", "D none", "plain first", "E first");
  }

  @Test
  void aStageThatProceedsTwiceRunsTheStagesAfterItTwiceAsARetryDid() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
    server.enqueue(ok());
    Stage retrying = new Stage() {
      @Override
      public String name() {
        return "Retry";
      }

      @Override
      public Response intercept(Chain chain) throws IOException {
        Response first = chain.proceed(chain.request());
        if (first.code() != 503) {
          return first;
        }
        first.close();
        return chain.proceed(chain.request());
      }
    };
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(new StageGroup(List.of(retrying, marking("Inner"))))
        .build();

    try (Response response = client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(seen).containsExactly("Inner sees null", "Inner back 503", "Inner sees null", "Inner back 200");
  }

  @Test
  void aSettingChangedByAStageHoldsForTheStagesAfterItAndForOkHttp() throws Exception {
    server.enqueue(ok());
    List<Integer> readTimeouts = new CopyOnWriteArrayList<>();
    Stage shortening = new Stage() {
      @Override
      public String name() {
        return "Shorten";
      }

      @Override
      public Response intercept(Chain chain) throws IOException {
        readTimeouts.add(chain.readTimeoutMillis());
        return chain.withReadTimeout(1234, TimeUnit.MILLISECONDS).proceed(chain.request());
      }
    };
    Stage reading = new Stage() {
      @Override
      public String name() {
        return "Read";
      }

      @Override
      public Response intercept(Chain chain) throws IOException {
        readTimeouts.add(chain.readTimeoutMillis());
        return chain.proceed(chain.request());
      }
    };
    OkHttpClient client = new OkHttpClient.Builder()
        .readTimeout(5, TimeUnit.SECONDS)
        .addInterceptor(new StageGroup(List.of(shortening, reading)))
        .addNetworkInterceptor(chain -> {
          readTimeouts.add(chain.readTimeoutMillis());
          return chain.proceed(chain.request());
        })
        .build();

    try (Response response = client.newCall(new Request.Builder().url(server.url("/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(readTimeouts).containsExactly(5000, 1234, 1234);
  }

  @Test
  void aNetworkStageThatProceedsTwiceIsStillRefusedByOkHttp() {
    server.enqueue(ok());
    server.enqueue(ok());
    Stage twice = new Stage() {
      @Override
      public String name() {
        return "Twice";
      }

      @Override
      public Response intercept(Chain chain) throws IOException {
        chain.proceed(chain.request()).close();
        return chain.proceed(chain.request());
      }
    };
    OkHttpClient client = new OkHttpClient.Builder()
        .addNetworkInterceptor(new StageGroup(List.of(twice, marking("Last"))))
        .build();

    assertThatThrownBy(() -> client.newCall(new Request.Builder().url(server.url("/x")).build()).execute().close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exactly once");
  }

  @Test
  void aGroupNeedsAStage() {
    assertThatThrownBy(() -> new StageGroup(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
