package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saxo's binary frames, built from the header bytes and payloads of Saxo's own client-library tests. */
class SaxoFrameReaderTest {

  /** JSON.stringify of payload.json, as Saxo's test encodes it (compact, 3206 bytes). */
  private static byte[] stringifiedPayload() {
    byte[] compact = StrictJson.mapper().writeValueAsBytes(StrictJson.mapper().readTree(Fixtures.bytes("ws-payload.json")));
    assertThat(compact).as("the payload size Saxo's header announces").hasSize(3206);
    return compact;
  }

  private static byte[] frame(String header, byte[] payload) {
    return Fixtures.concat(List.of(Fixtures.header(header), payload)).array();
  }

  @Test
  void saxoSampleFrameDecodesToMessageIdReferenceIdFormatAndPayload() {
    byte[] payload = stringifiedPayload();

    List<SaxoFrame> frames = SaxoFrameReader.readMessage(ByteBuffer.wrap(frame("received-callback", payload)), 1 << 20);

    assertThat(frames).hasSize(1);
    SaxoFrame f = frames.get(0);
    assertThat(f.messageId()).isEqualTo(3);
    assertThat(f.referenceId()).isEqualTo("8");
    assertThat(f.payloadFormat()).isZero();
    assertThat(f.payload()).isEqualTo(payload);
    assertThat(StrictJson.mapper().readTree(f.payload()).get(0).get("SourceId").intValue()).isEqualTo(1074);
  }

  @Test
  void multiFrameMessageYieldsEveryFrameInOrder() {
    byte[] data = frame("incremental-id", stringifiedPayload());
    byte[] heartbeat = frame("connection-heartbeat",
        Fixtures.literalPayload("connection-heartbeat").getBytes(StandardCharsets.US_ASCII));
    byte[] again = frame("received-callback", stringifiedPayload());

    List<SaxoFrame> frames = SaxoFrameReader.readMessage(Fixtures.concat(List.of(data, heartbeat, again)), 1 << 20);

    assertThat(frames).extracting(SaxoFrame::messageId).containsExactly(1L, 1L, 3L);
    assertThat(frames.get(1).payloadText()).isEqualTo("[{\"ReferenceId\":\"_connectionheartbeat\"}]");
    assertThat(frames.get(1).payload()).hasSize(40);
  }

  @Test
  void frameSplitAcrossPartsAtEveryOffsetIsReassembledExactlyOnce() {
    byte[] heartbeat = frame("connection-heartbeat",
        Fixtures.literalPayload("connection-heartbeat").getBytes(StandardCharsets.US_ASCII));
    byte[] message = Fixtures.concat(List.of(heartbeat, heartbeat)).array();
    for (int cut = 1; cut < message.length; cut++) {
      SaxoFrameReader reader = new SaxoFrameReader(1 << 20);
      List<SaxoFrame> frames = new ArrayList<>(reader.feed(ByteBuffer.wrap(message, 0, cut)));
      frames.addAll(reader.feed(ByteBuffer.wrap(message, cut, message.length - cut)));
      assertThat(frames).as("cut at %d", cut).hasSize(2);
      assertThat(reader.pendingBytes()).isZero();
    }
  }

  @Test
  void illFormattedJsonFrameStillFramesAndItsPayloadIsRefusedAsJson() {
    byte[] bad = Fixtures.literalPayload("ill-formatted-json").getBytes(StandardCharsets.US_ASCII);
    List<SaxoFrame> frames = SaxoFrameReader.readMessage(ByteBuffer.wrap(frame("ill-formatted-json", bad)), 1 << 20);
    assertThat(frames.get(0).payloadText()).isEqualTo("{some-key:123");
  }

  @Test
  void truncatedMessageIsRefusedNotGuessed() {
    byte[] whole = frame("received-callback", stringifiedPayload());
    ByteBuffer cut = ByteBuffer.wrap(whole, 0, whole.length - 1);
    assertThatThrownBy(() -> SaxoFrameReader.readMessage(cut, 1 << 20))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ends inside a frame");
  }

  @Test
  void announcedPayloadLargerThanTheLimitIsRefusedBeforeAllocating() {
    byte[] header = Fixtures.header("received-callback").clone();
    header[13] = (byte) 0xff;
    header[14] = (byte) 0xff;
    header[15] = (byte) 0xff;
    header[16] = (byte) 0x7f;
    assertThatThrownBy(() -> SaxoFrameReader.readMessage(ByteBuffer.wrap(header), 1 << 20))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("payloadSize"));
  }
}
