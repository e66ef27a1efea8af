package io.tickguard.core.security;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that speaks just enough SOCKS5 to read each client message (greeting,
 * username/password, CONNECT) and answers each with scripted bytes, which may be wrong, truncated or
 * missing. After the script it closes the connection, or stalls (keeps it open, silent) until the
 * test ends. It records every byte the client sent. Never tunnels anywhere.
 */
final class ScriptedSocks5Server implements AutoCloseable {
  /** What the client sends next and what this server answers (null: nothing more, end the script). */
  enum Phase { GREETING, AUTH, CONNECT }

  /** One scripted step: read the client's {@code phase} message, answer {@code reply}. */
  record Step(Phase phase, byte[] reply) {}

  private final ServerSocket server;
  private final List<Step> script;
  private final boolean stall;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final Thread thread;

  ScriptedSocks5Server(List<Step> script, boolean stallAtEnd) throws IOException {
    this.script = List.copyOf(script);
    this.stall = stallAtEnd;
    this.server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    this.thread = new Thread(this::serve, "scripted-socks5");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Every byte clients sent so far. */
  synchronized byte[] received() {
    return received.toByteArray();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        open.add(client);
        run(client);
      } catch (IOException e) {
        // the client gave up, or the server closed: take the next connection, if any
      }
    }
  }

  private void run(Socket client) throws IOException {
    DataInputStream in = new DataInputStream(client.getInputStream());
    OutputStream out = client.getOutputStream();
    for (Step step : script) {
      read(in, step.phase());
      out.write(step.reply());
      out.flush();
    }
    if (!stall) {
      client.close();
    }
  }

  private void read(DataInputStream in, Phase phase) throws IOException {
    List<Integer> bytes = new ArrayList<>();
    switch (phase) {
      case GREETING -> {
        take(in, bytes, 1);
        take(in, bytes, take(in, bytes, 1));
      }
      case AUTH -> {
        take(in, bytes, 1);
        take(in, bytes, take(in, bytes, 1));
        take(in, bytes, take(in, bytes, 1));
      }
      case CONNECT -> {
        take(in, bytes, 3);
        int type = take(in, bytes, 1);
        take(in, bytes, type == 1 ? 4 : type == 4 ? 16 : take(in, bytes, 1));
        take(in, bytes, 2);
      }
    }
    synchronized (this) {
      bytes.forEach(received::write);
    }
  }

  /** Reads {@code n} bytes into {@code bytes}; returns the last one read (0 when n is 0). */
  private static int take(DataInputStream in, List<Integer> bytes, int n) throws IOException {
    int last = 0;
    for (int i = 0; i < n; i++) {
      last = in.readUnsignedByte();
      bytes.add(last);
    }
    return last;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
