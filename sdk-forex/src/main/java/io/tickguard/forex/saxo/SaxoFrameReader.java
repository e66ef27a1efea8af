package io.tickguard.forex.saxo;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads Saxo's binary streaming frames: 8-byte little-endian message id, 2 reserved bytes, 1 byte
 * reference-id length, that many ASCII bytes, 1 byte payload format, 4-byte little-endian payload
 * size, the payload. One WebSocket message holds one or more frames.
 *
 * <p>{@link #feed} accepts bytes in any split (a frame may arrive in several parts, as when a
 * message spans WebSocket continuation frames) and returns the frames completed so far; {@link
 * #readMessage} reads one whole message and refuses a trailing partial frame. Every length is
 * range-checked before anything is allocated: a frame larger than {@code maxPayloadBytes}, a
 * non-ASCII reference id or a negative id is refused with {@link InvalidResponseException}, never
 * guessed around. Not thread-safe: one reader per connection.
 */
final class SaxoFrameReader {
  private static final int HEADER_BEFORE_REF = 8 + 2 + 1;

  private final int maxPayloadBytes;
  private byte[] pending = new byte[0];

  SaxoFrameReader(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** The frames of one complete WebSocket message. */
  static List<SaxoFrame> readMessage(ByteBuffer message, int maxPayloadBytes) {
    SaxoFrameReader reader = new SaxoFrameReader(maxPayloadBytes);
    List<SaxoFrame> frames = reader.feed(message);
    if (reader.pending.length > 0) {
      throw refused("message", "Saxo streaming message ends inside a frame (" + reader.pending.length + " bytes left over)");
    }
    if (frames.isEmpty()) {
      throw refused("message", "Saxo streaming message holds no frame");
    }
    return frames;
  }

  /** Bytes left over from an unfinished frame. */
  int pendingBytes() {
    return pending.length;
  }

  /** Adds {@code chunk} and returns every frame it completed, in order. */
  List<SaxoFrame> feed(ByteBuffer chunk) {
    byte[] bytes = new byte[pending.length + chunk.remaining()];
    System.arraycopy(pending, 0, bytes, 0, pending.length);
    chunk.get(bytes, pending.length, chunk.remaining());
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<SaxoFrame> frames = new ArrayList<>();
    while (true) {
      int start = in.position();
      SaxoFrame frame = next(in);
      if (frame == null) {
        in.position(start);
        break;
      }
      frames.add(frame);
    }
    pending = Arrays.copyOfRange(bytes, in.position(), bytes.length);
    return frames;
  }

  /** The next whole frame, or {@code null} when the buffer ends before it does. */
  private SaxoFrame next(ByteBuffer in) {
    if (in.remaining() < HEADER_BEFORE_REF) {
      return null;
    }
    long messageId = in.getLong();
    if (messageId < 0) {
      throw refused("messageId", "Saxo message id " + Long.toUnsignedString(messageId) + " is beyond 2^63");
    }
    in.getShort(); // reserved
    int refLength = Byte.toUnsignedInt(in.get());
    if (refLength == 0) {
      throw refused("referenceId", "Saxo frame " + messageId + " has an empty reference id");
    }
    if (in.remaining() < refLength + 1 + 4) {
      return null;
    }
    byte[] ref = new byte[refLength];
    in.get(ref);
    for (byte b : ref) {
      if (b < 0x21 || b > 0x7e) {
        throw refused("referenceId", "Saxo frame " + messageId + " has a reference id that is not printable ASCII");
      }
    }
    int format = Byte.toUnsignedInt(in.get());
    long size = Integer.toUnsignedLong(in.getInt());
    if (size > maxPayloadBytes) {
      throw refused("payloadSize", "Saxo frame " + messageId + " announces " + size + " payload bytes, more than the "
          + maxPayloadBytes + " allowed");
    }
    if (in.remaining() < size) {
      return null;
    }
    byte[] payload = new byte[(int) size];
    in.get(payload);
    return new SaxoFrame(messageId, new String(ref, StandardCharsets.US_ASCII), format, payload);
  }

  private static InvalidResponseException refused(String field, String message) {
    return new InvalidResponseException(field, message, ErrorDetails.none(), null);
  }
}
