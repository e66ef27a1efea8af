package io.tickguard.testkit;

import java.io.IOException;

/**
 * A response body written over time as HTTP/1.1 chunks (OANDA's pricing stream), so a route controls
 * exactly where chunk boundaries fall, when the stream stalls, and whether it ends cleanly or is cut.
 * It runs on the server's connection thread for as long as the stream lasts.
 */
@FunctionalInterface
public interface StreamingBody {

  /**
   * Writes the body through {@code out}. Returning normally ends the response with the terminating
   * zero-length chunk, unless {@link ChunkWriter#cut()} was called. An {@link IOException} (the
   * client went away) ends it without one.
   */
  void write(ChunkWriter out) throws IOException;

  /** Where a {@link StreamingBody} writes. */
  interface ChunkWriter {
    /** Sends {@code data} as one HTTP chunk and flushes it to the client (empty data is skipped). */
    void chunk(byte[] data) throws IOException;

    /**
     * Ends the response abruptly: no terminating chunk, the connection closes, so the client sees a
     * dropped connection mid-stream.
     */
    void cut();
  }
}
