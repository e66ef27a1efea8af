package io.tickguard.core.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.stream.MessageTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** Lines are cut at '\n' whatever the read boundaries: never half a line, never half a character. */
class LineSplitterTest {

  /** A source that hands out exactly the given pieces, one per read, and records how far it got. */
  private static final class Pieces implements Source {
    final Deque<byte[]> pieces = new ArrayDeque<>();
    int served;

    Pieces(byte[]... parts) {
      for (byte[] p : parts) {
        pieces.add(p);
      }
    }

    @Override
    public long read(Buffer sink, long byteCount) {
      byte[] next = pieces.poll();
      if (next == null) {
        return -1;
      }
      served++;
      sink.write(next);
      return next.length;
    }

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  @Test
  void aLineSplitMidLineAndMidUtf8CharacterIsReturnedWholeOnlyOnceItsEndArrived() throws IOException {
    byte[] all = bytes("{\"p\":\"1.10\"}\n{\"p\":\"2€\"}\r\n");
    int euro = new String(all, StandardCharsets.UTF_8).indexOf('€');
    int euroByte = bytes(new String(all, StandardCharsets.UTF_8).substring(0, euro)).length;
    // Piece 1 ends inside the second line, after the first of the euro sign's three bytes.
    Pieces source = new Pieces(slice(all, 0, euroByte + 1), slice(all, euroByte + 1, euroByte + 2),
        slice(all, euroByte + 2, all.length));
    BufferedSource buffered = Okio.buffer(source);
    LineSplitter lines = new LineSplitter(buffered, 100);

    assertThat(lines.next()).isEqualTo("{\"p\":\"1.10\"}");
    assertThat(source.served).as("the first line needed only the first piece").isEqualTo(1);
    assertThat(lines.next()).isEqualTo("{\"p\":\"2€\"}");
    assertThat(source.served).isEqualTo(3);
    assertThat(lines.next()).isNull();
  }

  @Test
  void everyByteInItsOwnReadStillYieldsWholeLines() throws IOException {
    byte[] all = bytes("añb\n€€\n\nlast\n");
    byte[][] singles = new byte[all.length][];
    for (int i = 0; i < all.length; i++) {
      singles[i] = new byte[] {all[i]};
    }
    LineSplitter lines = new LineSplitter(Okio.buffer(new Pieces(singles)), 100);
    List<String> out = new ArrayList<>();
    for (String line; (line = lines.next()) != null; ) {
      out.add(line);
    }
    assertThat(out).containsExactly("añb", "€€", "", "last");
  }

  @Test
  void aLastLineWithoutItsEndIsNeverDelivered() throws IOException {
    LineSplitter lines = new LineSplitter(Okio.buffer(new Pieces(bytes("whole\nhal"))), 100);
    assertThat(lines.next()).isEqualTo("whole");
    assertThat(lines.next()).isNull();
  }

  @Test
  void aLineLongerThanTheLimitIsRefusedBeforeItsEndIsBuffered() {
    Pieces source = new Pieces(bytes("0123456789"), bytes("0123456789"), bytes("never read\n"));
    LineSplitter lines = new LineSplitter(Okio.buffer(source), 8);
    assertThatThrownBy(lines::next)
        .isInstanceOfSatisfying(MessageTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(8));
    assertThat(source.pieces).as("the rest of the line is not read").hasSize(2);
  }

  @Test
  void aLineOfExactlyTheLimitWithCrLfPasses() throws IOException {
    LineSplitter lines = new LineSplitter(Okio.buffer(new Pieces(bytes("12345678\r\n"))), 8);
    assertThat(lines.next()).isEqualTo("12345678");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNotReplaced() {
    LineSplitter lines = new LineSplitter(Okio.buffer(new Pieces(new byte[] {'a', (byte) 0xC3, 'b', '\n'})), 100);
    assertThatThrownBy(lines::next).isInstanceOf(InvalidResponseException.class).hasMessageContaining("UTF-8");
  }
}
