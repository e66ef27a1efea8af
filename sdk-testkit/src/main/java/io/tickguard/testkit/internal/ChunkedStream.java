package io.tickguard.testkit.internal;

import io.tickguard.testkit.StreamingBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * Writes a {@link StreamingBody} with HTTP/1.1 chunk framing done here, so each {@code chunk} call is
 * exactly one chunk on the wire (MockWebServer's own chunking splits a finished buffer, which cannot
 * express a stream that stalls or is cut).
 */
final class ChunkedStream implements MockResponseBody {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final StreamingBody body;

  ChunkedStream(StreamingBody body) {
    this.body = body;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    boolean[] cut = {false};
    body.write(new StreamingBody.ChunkWriter() {
      @Override
      public void chunk(byte[] data) throws IOException {
        if (cut[0]) {
          throw new IOException("The stream was cut; nothing more can be written");
        }
        if (data.length == 0) {
          return;
        }
        sink.writeUtf8(Integer.toHexString(data.length)).write(CRLF).write(data).write(CRLF);
        sink.flush();
      }

      @Override
      public void cut() {
        cut[0] = true;
      }
    });
    if (!cut[0]) {
      sink.write(LAST_CHUNK);
    }
    sink.flush();
  }
}
