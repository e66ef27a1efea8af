package io.tickguard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** The byte pump the test proxies share: copies one direction of a tunnel until either side closes. */
final class Tunnels {
  private Tunnels() {}

  /** Copies {@code from} to {@code to} until one closes, then closes both. */
  static void pipe(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // the other side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Closes {@code s}, ignoring failures. */
  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
