package io.tickguard.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SOCKS5 proxy (RFC 1928, CONNECT only) on 127.0.0.1 for egress tests: it optionally demands
 * username/password authentication (RFC 1929), resolves host names itself, connects only to loopback
 * targets (from a chosen local address, its "egress IP"), and records every request it saw. It
 * never reads inside the tunnel: TLS stays end to end. Not a general proxy: loopback only, for tests.
 */
public final class Socks5Proxy extends LoopbackProxy {
  /**
   * One SOCKS5 exchange the proxy saw.
   *
   * @param target the {@code host:port} asked for, as sent ({@code ""} when no CONNECT came)
   * @param addressType the RFC 1928 address type of the request: 1 IPv4, 3 domain name, 4 IPv6
   *     (0 when no CONNECT came)
   * @param client the source address of the client's connection to the proxy
   * @param user the proxy user the client authenticated as ({@code ""} for none)
   * @param outcome {@code "tunnel"}, {@code "bad-credentials"}, {@code "no-acceptable-method"},
   *     {@code "not-allowed"} or {@code "unreachable"}
   */
  public record Request(String target, int addressType, String client, String user, String outcome) {}

  private final String user;
  private final String password;
  private final InetAddress upstreamLocal;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private Socks5Proxy(String user, String password, InetAddress upstreamLocal) throws IOException {
    super("tickguard-test-socks5-proxy");
    this.user = user;
    this.password = password;
    this.upstreamLocal = upstreamLocal;
    listen();
  }

  /** A proxy that asks for no credentials and connects upstream from 127.0.0.1. */
  public static Socks5Proxy start() throws IOException {
    return new Socks5Proxy(null, null, InetAddress.getByName("127.0.0.1"));
  }

  /**
   * A proxy that accepts only username/password authentication as {@code user}/{@code password}
   * (test values) and connects upstream from {@code upstreamLocal} (a loopback literal).
   */
  public static Socks5Proxy startWithCredentials(String user, String password, String upstreamLocal) throws IOException {
    return new Socks5Proxy(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password, "password"),
        InetAddress.getByName(upstreamLocal));
  }

  /** Every exchange so far, in order. */
  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  @Override
  void serve(Socket client) {
    String clientAddress = ((InetSocketAddress) client.getRemoteSocketAddress()).getAddress().getHostAddress();
    try {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (in.readUnsignedByte() != 5) {
        client.close();
        return;
      }
      byte[] methods = new byte[in.readUnsignedByte()];
      in.readFully(methods);
      int wanted = user == null ? 0x00 : 0x02;
      if (!contains(methods, wanted)) {
        requests.add(new Request("", 0, clientAddress, "", "no-acceptable-method"));
        out.write(new byte[] {5, (byte) 0xFF});
        out.flush();
        client.close();
        return;
      }
      out.write(new byte[] {5, (byte) wanted});
      out.flush();
      String authenticated = "";
      if (user != null) {
        in.readUnsignedByte(); // sub-negotiation version 1
        String name = text(in, in.readUnsignedByte());
        String pass = text(in, in.readUnsignedByte());
        if (!name.equals(user) || !pass.equals(password)) {
          requests.add(new Request("", 0, clientAddress, name, "bad-credentials"));
          out.write(new byte[] {1, 1});
          out.flush();
          client.close();
          return;
        }
        out.write(new byte[] {1, 0});
        out.flush();
        authenticated = name;
      }
      connect(client, in, out, clientAddress, authenticated);
    } catch (IOException | RuntimeException e) {
      closeQuietly(client);
    }
  }

  private void connect(Socket client, DataInputStream in, OutputStream out, String clientAddress, String authenticated)
      throws IOException {
    in.readUnsignedByte(); // version
    int command = in.readUnsignedByte();
    in.readUnsignedByte(); // reserved
    int type = in.readUnsignedByte();
    String host = switch (type) {
      case 1 -> InetAddress.getByAddress(bytes(in, 4)).getHostAddress();
      case 4 -> InetAddress.getByAddress(bytes(in, 16)).getHostAddress();
      case 3 -> text(in, in.readUnsignedByte());
      default -> throw new IOException("address type " + type);
    };
    int port = in.readUnsignedShort();
    String target = host + ":" + port;
    InetAddress resolved = loopback(host);
    if (command != 1 || resolved == null) {
      requests.add(new Request(target, type, clientAddress, authenticated, "not-allowed"));
      reply(out, 2);
      client.close();
      return;
    }
    Socket upstream = new Socket();
    track(upstream);
    try {
      upstream.bind(new InetSocketAddress(upstreamLocal, 0));
      upstream.connect(new InetSocketAddress(resolved, port));
    } catch (IOException e) {
      requests.add(new Request(target, type, clientAddress, authenticated, "unreachable"));
      reply(out, 5);
      client.close();
      return;
    }
    requests.add(new Request(target, type, clientAddress, authenticated, "tunnel"));
    reply(out, 0);
    tunnel(client, upstream);
  }

  /** The first loopback address {@code host} resolves to here (the proxy's side), or null. */
  private static InetAddress loopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a.isLoopbackAddress()) {
          return a;
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void reply(OutputStream out, int code) throws IOException {
    out.write(new byte[] {5, (byte) code, 0, 1, 127, 0, 0, 1, 0, 0});
    out.flush();
  }

  private static boolean contains(byte[] methods, int method) {
    for (byte m : methods) {
      if ((m & 0xFF) == method) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static String text(DataInputStream in, int n) throws IOException {
    return new String(bytes(in, n), StandardCharsets.UTF_8);
  }

}
