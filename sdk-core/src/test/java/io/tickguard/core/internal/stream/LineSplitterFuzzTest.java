package io.tickguard.core.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.TickGuardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * The NDJSON line reassembly of streamed responses (OANDA's pricing stream) over arbitrary bytes cut
 * into arbitrary chunks: each line delivered is complete, within the limit and valid UTF-8, or the
 * stream is refused with a typed exception; never another exception or a half line. The first input
 * byte is the chunk size, the rest the stream. Committed inputs:
 * {@code src/test/resources/io/tickguard/core/internal/stream/LineSplitterFuzzTestInputs/ndjsonLines/}.
 */
class LineSplitterFuzzTest {
  private static final long MAX_LINE_BYTES = 256;

  @FuzzTest
  void ndjsonLines(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    int chunk = 1 + (data[0] & 0xFF);
    byte[] stream = Arrays.copyOfRange(data, 1, data.length);
    LineSplitter lines = new LineSplitter(Okio.buffer(chunked(stream, chunk)), MAX_LINE_BYTES);
    boolean inputHasReplacementChar = indexOf(stream, new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}) >= 0;
    int delivered = 0;
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        delivered += line.getBytes(StandardCharsets.UTF_8).length + 1;
        assertThat(line).doesNotContain("\n");
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo((int) MAX_LINE_BYTES);
        if (!inputHasReplacementChar) {
          assertThat(line).as("bytes that are not UTF-8 are refused, never replaced").doesNotContain("\uFFFD");
        }
      }
    } catch (TickGuardException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
    assertThat(delivered).isLessThanOrEqualTo(stream.length + 1);
  }

  private static int indexOf(byte[] in, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= in.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (in[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A source handing out at most {@code chunk} bytes per read, as a network would. */
  private static Source chunked(byte[] bytes, int chunk) {
    Buffer all = new Buffer().write(bytes);
    return new Source() {
      @Override
      public long read(Buffer sink, long byteCount) {
        if (all.size() == 0) {
          return -1;
        }
        long n = Math.min(Math.min(byteCount, chunk), all.size());
        sink.write(all, n);
        return n;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
  }

}
