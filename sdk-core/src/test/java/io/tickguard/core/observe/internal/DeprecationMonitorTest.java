package io.tickguard.core.observe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.testing.LogCapture;
import io.tickguard.core.testutil.Responses;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DeprecationMonitorTest {
  static final ApiRequest DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth").build().request().build();
  final List<List<String>> reported = new CopyOnWriteArrayList<>();
  final DeprecationMonitor monitor = new DeprecationMonitor(new MetricsListener() {
    @Override
    public void onDeprecation(String endpoint, String deprecation, String sunset, String link) {
      reported.add(List.of(endpoint, deprecation, sunset, link));
    }
  });

  @Test
  void deprecationAndSunsetWarnOncePerEndpointWithDatesAndLink() {
    try (LogCapture log = new LogCapture()) {
      for (int i = 0; i < 3; i++) {
        monitor.onResponse(DEPTH, Responses.of(200,
            "Deprecation", "@1688169599",
            "Sunset", "Sun, 30 Jun 2024 23:59:59 GMT",
            "Link", "<https://developer.example.com/changelog>; rel=\"deprecation\"; type=\"text/html\""));
      }
      assertThat(reported).containsExactly(List.of("depth", "2023-06-30T23:59:59Z", "2024-06-30T23:59:59Z",
          "https://developer.example.com/changelog"));
      assertThat(log.text()).contains("depth", "/api/v3/depth", "2023-06-30T23:59:59Z", "2024-06-30T23:59:59Z",
          "https://developer.example.com/changelog");
      assertThat(log.events()).filteredOn(e -> e.getLoggerName().equals(DeprecationMonitor.class.getName())).hasSize(1);
    }
  }

  @Test
  void sunsetAloneWithSunsetLinkIsReported() {
    monitor.onResponse(DEPTH, Responses.of(200, "Sunset", "Sun, 30 Jun 2024 23:59:59 GMT",
        "Link", "<https://a.example/next>; rel=\"next\", <https://a.example/sunset>; rel=\"sunset\""));
    assertThat(reported).containsExactly(List.of("depth", "", "2024-06-30T23:59:59Z", "https://a.example/sunset"));
  }

  @Test
  void responsesWithoutTheHeadersAreIgnored() {
    monitor.onResponse(DEPTH, Responses.of(200, "Link", "<https://a.example/>; rel=\"deprecation\""));
    assertThat(reported).isEmpty();
  }

  @Test
  void legacyDeprecationValuesStillWarn() {
    monitor.onResponse(DEPTH, Responses.of(200, "Deprecation", "true"));
    assertThat(reported).containsExactly(List.of("depth", "", "", ""));
  }
}
