package io.tickguard.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP CONNECT proxy on 127.0.0.1 for egress tests: it tunnels to loopback targets only,
 * optionally demands Basic proxy credentials (407 otherwise), connects upstream from a chosen local
 * address (its "egress IP"), and records every CONNECT it saw. It never reads inside the tunnel: TLS
 * stays end to end. Not a general proxy: loopback only, for tests.
 */
public final class ConnectProxy extends LoopbackProxy {
  /**
   * One CONNECT the proxy answered.
   *
   * @param target the {@code host:port} asked for
   * @param client the source address of the client's connection to the proxy
   * @param status the status the proxy answered (200, 403, 407)
   */
  public record Tunnel(String target, String client, int status) {}

  private final String expectedAuthorization;
  private final InetAddress upstreamLocal;
  private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();

  private ConnectProxy(String user, String password, InetAddress upstreamLocal) throws IOException {
    super("tickguard-test-connect-proxy");
    this.expectedAuthorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
    this.upstreamLocal = upstreamLocal;
    listen();
  }

  /** A proxy that asks for no credentials and connects upstream from 127.0.0.1. */
  public static ConnectProxy start() throws IOException {
    return new ConnectProxy(null, null, InetAddress.getByName("127.0.0.1"));
  }

  /**
   * A proxy that demands Basic credentials {@code user}/{@code password} (test values) and connects
   * upstream from {@code upstreamLocal} (a loopback literal, e.g. {@code 127.0.0.1}).
   */
  public static ConnectProxy startWithCredentials(String user, String password, String upstreamLocal) throws IOException {
    return new ConnectProxy(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"),
        InetAddress.getByName(upstreamLocal));
  }

  /** Every CONNECT answered so far, in order. */
  public List<Tunnel> tunnels() {
    return new ArrayList<>(tunnels);
  }

  @Override
  void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        client.close();
        return;
      }
      String[] requestLine = head.get(0).split(" ");
      String clientAddress = ((InetSocketAddress) client.getRemoteSocketAddress()).getAddress().getHostAddress();
      if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
        answer(client, 405, "Method Not Allowed");
        client.close();
        return;
      }
      String target = requestLine[1];
      if (expectedAuthorization != null && !head.contains("Proxy-Authorization: " + expectedAuthorization)) {
        tunnels.add(new Tunnel(target, clientAddress, 407));
        String reply = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
            + "Content-Length: 0\r\n\r\n";
        client.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
        serve(client); // same connection: the client may answer the challenge
        return;
      }
      int colon = target.lastIndexOf(':');
      String host = target.substring(0, colon);
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        tunnels.add(new Tunnel(target, clientAddress, 403));
        answer(client, 403, "Forbidden");
        client.close();
        return;
      }
      Socket upstream = new Socket();
      track(upstream);
      upstream.bind(new InetSocketAddress(upstreamLocal, 0));
      upstream.connect(new InetSocketAddress(host, Integer.parseInt(target.substring(colon + 1))));
      tunnels.add(new Tunnel(target, clientAddress, 200));
      answer(client, 200, "Connection established");
      tunnel(client, upstream);
    } catch (IOException | RuntimeException e) {
      closeQuietly(client);
    }
  }

  private static void answer(Socket client, int status, String reason) throws IOException {
    String reply = "HTTP/1.1 " + status + " " + reason + "\r\n" + (status == 200 ? "" : "Content-Length: 0\r\n") + "\r\n";
    client.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
    client.getOutputStream().flush();
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
      if (line.size() > 8192 || lines.size() > 100) {
        throw new IOException("request head too large");
      }
    }
    return List.of();
  }

}
