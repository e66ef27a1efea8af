package io.tickguard.testkit.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import okhttp3.WebSocket;

/**
 * Server-side WebSocket pings on MockWebServer's sockets. OkHttp answers pings and counts pongs, but
 * its public {@link WebSocket} has no way to send a ping on demand or read the pong count, so this
 * calls the two public methods of its implementation class reflectively. That works on the class
 * path (how Surefire runs tests); on the module path it needs {@code --add-exports
 * okhttp3/okhttp3.internal.ws=io.tickguard.testkit} and otherwise fails with a message saying so.
 */
public final class OkHttpPings {
  private OkHttpPings() {}

  /**
   * Writes one ping frame now. The frame is written outside OkHttp's writer queue: call it only
   * while nothing else is being sent on {@code socket}.
   */
  public static void ping(WebSocket socket) {
    call(socket, "writePingFrame$okhttp");
  }

  /** The pong frames {@code socket} has received so far. */
  public static int pongsReceived(WebSocket socket) {
    return (Integer) call(socket, "receivedPongCount");
  }

  private static Object call(WebSocket socket, String name) {
    try {
      Method m = socket.getClass().getMethod(name);
      return m.invoke(socket);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("OkHttp's " + name + " failed", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("The sandbox cannot reach OkHttp's " + name + " on "
          + socket.getClass().getName() + " (OkHttp " + okhttp3.OkHttp.VERSION + "); on the module path add"
          + " --add-exports okhttp3/okhttp3.internal.ws=io.tickguard.testkit", e);
    }
  }
}
