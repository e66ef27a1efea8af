package io.tickguard.core.internal.stream;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.stream.MessageTooLargeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Cuts a byte stream into lines at {@code \n} (a trailing {@code \r} is dropped), whatever the chunk
 * and read boundaries: a line is decoded only once its end arrived, and as a whole, so a multi-byte
 * UTF-8 character split between chunks is never cut (a {@code \n} byte never occurs inside one). A
 * line longer than the limit is refused before more of it is buffered; bytes that are not UTF-8 are
 * refused, never replaced. Not thread-safe: one per connection, on its reader thread.
 */
final class LineSplitter {
  private final BufferedSource source;
  private final long maxLineBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  LineSplitter(BufferedSource source, long maxLineBytes) {
    this.source = source;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next complete line without its line end, or {@code null} at the end of the stream (a last
   * line without its {@code \n} is discarded, never delivered half).
   *
   * @throws MessageTooLargeException a line is longer than the limit
   * @throws InvalidResponseException a line is not UTF-8
   */
  String next() throws IOException {
    Buffer buffer = source.getBuffer();
    long scanned = 0;
    while (true) {
      long newline = buffer.indexOf((byte) '\n', scanned);
      if (newline >= 0) {
        long length = newline > 0 && buffer.getByte(newline - 1) == '\r' ? newline - 1 : newline;
        if (length > maxLineBytes) {
          throw tooLong();
        }
        byte[] line = buffer.readByteArray(length);
        buffer.skip(newline + 1 - length);
        return decode(line);
      }
      scanned = buffer.size();
      if (scanned > maxLineBytes + 1) { // one more byte may be the '\r' of a line end
        throw tooLong();
      }
      if (!source.request(scanned + 1)) {
        return null;
      }
    }
  }

  private MessageTooLargeException tooLong() {
    return new MessageTooLargeException(
        "A streamed line is longer than maxMessageBytes " + maxLineBytes
            + "; the connection is dropped. Raise the stream's maxMessageBytes only if the provider"
            + " documents lines that long", maxLineBytes);
  }

  private String decode(byte[] line) {
    try {
      return utf8.decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidResponseException("message", "A streamed line is not valid UTF-8");
    }
  }
}
