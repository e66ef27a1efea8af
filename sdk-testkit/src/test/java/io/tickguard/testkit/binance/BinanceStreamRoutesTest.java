package io.tickguard.testkit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.stream.StreamSessions;
import io.tickguard.testkit.stream.WsProbe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BinanceStreamRoutesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final BinanceStreamRoutes streams = new BinanceStreamRoutes(7, "BTC-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().clock(clock).routes(streams).routes(new BinanceRoutes()).start();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void subscribeIsAcknowledgedAndDepthUpdatesFollowInTheCombinedFormat() throws Exception {
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\"],\"id\":1}");
      assertThat(ws.next()).isEqualTo("{\"result\":null,\"id\":1}");

      streams.publishDepth("BTC-USDT", 2);
      JsonNode first = SandboxJson.read(ws.next());
      JsonNode second = SandboxJson.read(ws.next());

      assertThat(first.get("stream").asString()).isEqualTo("btcusdt@depth@100ms");
      assertThat(first.get("data").get("e").asString()).isEqualTo("depthUpdate");
      assertThat(second.get("data").get("U").asLong()).isEqualTo(first.get("data").get("u").asLong() + 1);
    }
  }

  @Test
  void aSkippedUpdateLeavesAGapInTheUpdateIds() throws Exception {
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth@100ms\"],\"id\":1}");
      ws.next();
      streams.publishDepth("BTC-USDT", 1);
      streams.skipNextDepthUpdate("BTC-USDT");
      streams.publishDepth("BTC-USDT", 2);

      long u = SandboxJson.read(ws.next()).get("data").get("u").asLong();
      long nextU = SandboxJson.read(ws.next()).get("data").get("U").asLong();
      assertThat(nextU).isGreaterThan(u + 1);
    }
  }

  @Test
  void theRestSnapshotComesFromTheStreamedBook() throws Exception {
    streams.publishDepth("BTC-USDT", 5);
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      JsonNode depth = SandboxJson.read(ws.get("/api/v3/depth?symbol=BTCUSDT&limit=5"));

      assertThat(depth.get("lastUpdateId").asLong()).isEqualTo(streams.feed("BTC-USDT").lastUpdateId());
      assertThat(depth.get("bids").get(0).get(0).asString())
          .isEqualTo(streams.feed("BTC-USDT").snapshot(5).bids().get(0).price().toPlainString());
      assertThat(depth.get("bids")).hasSize(5);
      assertThat(streams.snapshotsServed()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionSendingMoreThanFiveMessagesInOneSecondIsClosed() throws Exception {
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      for (int i = 1; i <= 6; i++) {
        ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":" + i + "}");
      }
      assertThat(ws.nextClose()).startsWith("1008");
    }
  }

  @Test
  void connectionsAreClosedAfterTwentyFourHoursOnTheSandboxClock() throws Exception {
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
      ws.next();
      streams.enforceLifetime();
      assertThat(streams.openSessions()).hasSize(1);

      clock.advance(Duration.ofHours(24));
      streams.enforceLifetime();

      assertThat(ws.nextClose()).startsWith("1001");
    }
  }

  @Test
  void theServerPingsEveryConnectionAndCountsThePongsOkHttpSendsBack() throws Exception {
    try (WsProbe ws = new WsProbe(sandbox, "/stream")) {
      ws.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
      ws.next();
      StreamSessions.Session session = streams.openSessions().get(0);

      streams.ping();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (session.pongsReceived() < 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      assertThat(session.pingsSent()).isEqualTo(1);
      assertThat(session.pongsReceived()).isEqualTo(1);
      clock.advance(BinanceStreamRoutes.PING_INTERVAL);
      streams.ping();
      assertThat(session.pingsSent()).isEqualTo(2);
      assertThat(streams.pongTimeoutCloses()).isZero();
    }
  }
}
