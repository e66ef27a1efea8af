package io.tickguard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the testkit's proxies share: a listening socket on 127.0.0.1, a thread per connection, the
 * byte pump of an open tunnel, and closing everything at the end. Subclasses speak the protocol.
 */
abstract class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final ExecutorService threads;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  LoopbackProxy(String threadName) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts accepting; subclasses call it last in their constructor. */
  final void listen() {
    threads.execute(this::acceptLoop);
  }

  /** Speaks the proxy's protocol on one accepted client connection. */
  abstract void serve(Socket client);

  /** The port the proxy listens on (host 127.0.0.1). */
  public int port() {
    return server.getLocalPort();
  }

  /** Registers {@code socket} to be closed with the proxy. */
  final Socket track(Socket socket) {
    open.add(socket);
    return socket;
  }

  /** Pumps bytes both ways between {@code client} and {@code upstream} until either side closes. */
  final void tunnel(Socket client, Socket upstream) {
    threads.execute(() -> pipe(upstream, client));
    pipe(client, upstream);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = track(server.accept());
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private static void pipe(Socket from, Socket to) {
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

  static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(LoopbackProxy::closeQuietly);
    threads.shutdownNow();
  }
}
