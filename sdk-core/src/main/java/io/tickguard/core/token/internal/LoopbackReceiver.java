package io.tickguard.core.token.internal;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The one-shot redirect listener of a native app's login (RFC 8252 section 7.3): a socket on the
 * loopback address {@code 127.0.0.1} (never a host name, never every interface) on a port the OS
 * picks, answering exactly one request to the callback path, then closed. Requests to other paths
 * (a browser's {@code /favicon.ico}) get a 404 and do not end the wait; at most {@link
 * #MAX_STRAY_REQUESTS} of them are tolerated.
 */
public final class LoopbackReceiver implements AutoCloseable {
  /** Stray requests tolerated before giving up. */
  public static final int MAX_STRAY_REQUESTS = 16;

  private static final int MAX_HEAD_BYTES = 16 * 1024;

  private final ServerSocket socket;
  private final String callbackPath;

  /** Listens on {@code 127.0.0.1} and a free port, for {@code callbackPath} ({@code /callback}). */
  public LoopbackReceiver(String callbackPath) {
    if (!callbackPath.startsWith("/") || callbackPath.contains("?") || callbackPath.contains("#")) {
      throw new IllegalArgumentException("callbackPath must be a path starting with '/', without query or fragment");
    }
    this.callbackPath = callbackPath;
    try {
      this.socket = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"));
    } catch (IOException e) {
      throw new TransportException("Cannot listen on the loopback address for the login redirect", e);
    }
  }

  /** The redirect URI with the port chosen at run time: {@code http://127.0.0.1:PORT/callback}. */
  public String redirectUri() {
    return "http://127.0.0.1:" + socket.getLocalPort() + callbackPath;
  }

  /**
   * Waits for the callback, at most {@code timeout} in total, answers the browser with {@code page}
   * chosen from the parameters, and returns the callback's query parameters.
   */
  public Map<String, String> await(Duration timeout, java.util.function.Function<Map<String, String>, String> page) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int stray = 0;
    while (true) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
      if (leftMillis <= 0) {
        throw new AuthenticationException("No login redirect arrived within " + timeout.toSeconds() + " s; log in again");
      }
      try {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
        try (Socket client = socket.accept()) {
          client.setSoTimeout((int) Math.min(10_000, leftMillis));
          String target = requestTarget(client.getInputStream());
          int q = target == null ? -1 : target.indexOf('?');
          String path = target == null ? "" : (q < 0 ? target : target.substring(0, q));
          if (!path.equals(callbackPath)) {
            respond(client.getOutputStream(), 404, "Not Found", "Not the login callback.");
            if (++stray > MAX_STRAY_REQUESTS) {
              throw new AuthenticationException("Too many unexpected requests on the login redirect listener; log in again");
            }
            continue;
          }
          Map<String, String> params = parseQuery(q < 0 ? "" : target.substring(q + 1));
          respond(client.getOutputStream(), 200, "OK", page.apply(params));
          return params;
        }
      } catch (SocketTimeoutException e) {
        throw new AuthenticationException("No login redirect arrived within " + timeout.toSeconds() + " s; log in again");
      } catch (IOException e) {
        throw new TransportException("The login redirect listener failed: " + e.getClass().getSimpleName(), e);
      }
    }
  }

  /** The request target of a {@code GET} request line, or {@code null} for anything else. */
  private static String requestTarget(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int prev3 = -1;
    int prev2 = -1;
    int prev1 = -1;
    while (head.size() < MAX_HEAD_BYTES) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      if (prev3 == '\r' && prev2 == '\n' && prev1 == '\r' && b == '\n') {
        break;
      }
      prev3 = prev2;
      prev2 = prev1;
      prev1 = b;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int eol = text.indexOf("\r\n");
    String line = eol < 0 ? text : text.substring(0, eol);
    String[] parts = line.split(" ");
    if (parts.length != 3 || !parts[0].equals("GET") || !parts[2].startsWith("HTTP/1.")) {
      return null;
    }
    return parts[1];
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> params = new HashMap<>();
    if (query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (params.putIfAbsent(name, value) != null) {
        // RFC 6749 3.1: parameters must not be repeated; a repeated code or state is an attack.
        throw new AuthenticationException("The login redirect repeated parameter " + name + "; refused");
      }
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException("The login redirect is not validly percent-encoded; refused");
    }
  }

  private static void respond(OutputStream out, int status, String reason, String text) throws IOException {
    byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>TickGuard</title></head><body><p>"
        + escape(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: text/html; charset=utf-8\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Cache-Control: no-store\r\n"
        + "Referrer-Policy: no-referrer\r\n"
        + "Connection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a listening socket: nothing left to do
    }
  }
}
