package io.tickguard.testkit.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import okhttp3.WebSocket;

/**
 * Server-side WebSocket pings on MockWebServer's sockets. OkHttp answers pings and counts pongs, but
 * its public {@link WebSocket} has no way to send a ping on demand or read the pong count, so this
 * reaches its implementation class reflectively. That works on the class path (how Surefire runs
 * tests); on the module path it needs {@code --add-opens okhttp3/okhttp3.internal.ws=io.tickguard.testkit}
 * and {@code --add-exports okhttp3/okhttp3.internal.concurrent=io.tickguard.testkit}, and otherwise
 * fails with a message saying so.
 *
 * <p>The ping is written by a task on the socket's own task queue, the queue its writer runs on, as
 * OkHttp's own ping timer does. Writing it from the caller's thread instead interleaved the ping's
 * bytes with a message frame the writer was sending at that moment, and the client failed the
 * connection with a {@code ProtocolException} (seen under CPU load).
 */
public final class OkHttpPings {
  private OkHttpPings() {}

  /** Queues one ping frame behind whatever the socket is writing; it is sent shortly after. */
  public static void ping(WebSocket socket) {
    try {
      Object queue = field(socket, "taskQueue");
      Method writePing = socket.getClass().getMethod("writePingFrame$okhttp");
      Class<?> function0 = Class.forName("kotlin.jvm.functions.Function0", false, queue.getClass().getClassLoader());
      Object unit = Class.forName("kotlin.Unit", true, queue.getClass().getClassLoader()).getField("INSTANCE").get(null);
      Object task = Proxy.newProxyInstance(function0.getClassLoader(), new Class<?>[] {function0}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "invoke":
            writePing.invoke(socket);
            return unit;
          case "equals":
            return proxy == args[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          default:
            return "sandbox ping";
        }
      });
      queue.getClass().getMethod("execute", String.class, long.class, boolean.class, function0)
          .invoke(queue, "sandbox ping", 0L, false, task);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("OkHttp refused to queue a ping", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unreachable("its ping task", socket, e);
    }
  }

  /** The pong frames {@code socket} has received so far. */
  public static int pongsReceived(WebSocket socket) {
    try {
      return (Integer) socket.getClass().getMethod("receivedPongCount").invoke(socket);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("OkHttp's receivedPongCount failed", e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unreachable("receivedPongCount", socket, e);
    }
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    Object value = f.get(target);
    if (value == null) {
      throw new IllegalStateException("The socket has no " + name + " (not connected yet?)");
    }
    return value;
  }

  private static IllegalStateException unreachable(String what, WebSocket socket, Exception e) {
    return new IllegalStateException("The sandbox cannot reach OkHttp's " + what + " on "
        + socket.getClass().getName() + " (OkHttp " + okhttp3.OkHttp.VERSION + "); on the module path add"
        + " --add-opens okhttp3/okhttp3.internal.ws=io.tickguard.testkit and --add-exports"
        + " okhttp3/okhttp3.internal.concurrent=io.tickguard.testkit", e);
  }
}
