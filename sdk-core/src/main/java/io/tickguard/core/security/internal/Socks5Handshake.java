package io.tickguard.core.security.internal;

import io.tickguard.core.auth.Secret;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The client side of a SOCKS5 CONNECT (RFC 1928) with optional username/password authentication
 * (RFC 1929), on a socket already connected to the proxy. The target goes to the proxy as a host
 * name (address type 3), so the proxy resolves it, or as an IPv4/IPv6 address when the target is a
 * literal. Every reply is checked; anything unexpected is a {@link Socks5Exception}.
 */
final class Socks5Handshake {
  private static final int VERSION = 5;
  private static final int NO_AUTH = 0x00;
  private static final int USER_PASSWORD = 0x02;
  private static final int NO_ACCEPTABLE = 0xFF;
  private static final int AUTH_VERSION = 1;

  private final String proxy;
  private final String user;
  private final Secret password;

  /** For the proxy named {@code proxy} (host:port, for messages), with optional credentials. */
  Socks5Handshake(String proxy, String user, Secret password) {
    this.proxy = proxy;
    this.user = user;
    this.password = password;
  }

  /** Negotiates authentication, then asks the proxy to connect to {@code host:port}. */
  void connect(InputStream in, OutputStream out, String host, int port) throws IOException {
    try {
      negotiate(in, out);
      requestConnect(in, out, host, port);
    } catch (SocketTimeoutException e) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " did not answer the handshake within the connect timeout", e);
    } catch (EOFException e) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " closed the connection in the middle of the handshake", e);
    }
  }

  private void negotiate(InputStream in, OutputStream out) throws IOException {
    boolean credentials = user != null && password != null;
    // Offer only what we will do: with credentials only username/password, so a proxy cannot
    // quietly downgrade to "no authentication"; without credentials only "no authentication".
    out.write(new byte[] {VERSION, 1, (byte) (credentials ? USER_PASSWORD : NO_AUTH)});
    out.flush();
    int version = readByte(in);
    int method = readByte(in);
    if (version != VERSION) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " answered with protocol version " + version
          + ", not 5: is it a SOCKS5 proxy?");
    }
    if (method == NO_ACCEPTABLE) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " accepts none of the offered authentication methods ("
          + (credentials ? "username/password" : "none: it probably requires proxy credentials") + ")");
    }
    if (method != (credentials ? USER_PASSWORD : NO_AUTH)) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " chose authentication method " + method
          + ", which was not offered");
    }
    if (credentials) {
      authenticate(in, out);
    }
  }

  private void authenticate(InputStream in, OutputStream out) throws IOException {
    byte[] name = user.getBytes(StandardCharsets.UTF_8);
    byte[] pass = password.bytes();
    byte[] message = new byte[3 + name.length + pass.length];
    try {
      if (name.length > 255 || pass.length > 255 || pass.length == 0) {
        throw new Socks5Exception("SOCKS5 proxy user and password must be 1-255 bytes each (RFC 1929)");
      }
      message[0] = AUTH_VERSION;
      message[1] = (byte) name.length;
      System.arraycopy(name, 0, message, 2, name.length);
      message[2 + name.length] = (byte) pass.length;
      System.arraycopy(pass, 0, message, 3 + name.length, pass.length);
      out.write(message);
      out.flush();
    } finally {
      Arrays.fill(pass, (byte) 0);
      Arrays.fill(message, (byte) 0);
    }
    int version = readByte(in);
    int status = readByte(in);
    if (version != AUTH_VERSION) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " answered the username/password step with version "
          + version + ", not 1");
    }
    if (status != 0) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " refused the credentials of proxy user '" + user
          + "' (status " + status + "): check the proxy user and password");
    }
  }

  private void requestConnect(InputStream in, OutputStream out, String host, int port) throws IOException {
    byte[] address = address(host);
    byte[] request = new byte[3 + address.length + 2];
    request[0] = VERSION;
    request[1] = 1; // CONNECT
    request[2] = 0; // reserved
    System.arraycopy(address, 0, request, 3, address.length);
    request[request.length - 2] = (byte) (port >> 8);
    request[request.length - 1] = (byte) port;
    out.write(request);
    out.flush();
    int version = readByte(in);
    int reply = readByte(in);
    int reserved = readByte(in);
    if (version != VERSION) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " answered the CONNECT with protocol version " + version
          + ", not 5");
    }
    if (reply != 0) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " refused to connect to " + host + ":" + port + ": "
          + replyText(reply));
    }
    if (reserved != 0) {
      throw new Socks5Exception("SOCKS5 proxy " + proxy + " sent a malformed CONNECT reply (reserved byte " + reserved + ")");
    }
    int type = readByte(in);
    int length = switch (type) {
      case 1 -> 4;
      case 4 -> 16;
      case 3 -> readByte(in);
      default -> throw new Socks5Exception("SOCKS5 proxy " + proxy + " sent an unknown address type " + type
          + " in its CONNECT reply");
    };
    for (int i = 0; i < length + 2; i++) {
      readByte(in); // the proxy's bound address and port: not needed
    }
  }

  /** The address type and address of {@code host}: a literal as IPv4/IPv6, anything else as a name. */
  private static byte[] address(String host) throws Socks5Exception {
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || literal.matches("[0-9a-fA-F.]*:[0-9a-fA-F:.]*")) {
      try {
        byte[] ip = InetAddress.getByName(literal).getAddress(); // a literal: parsed, never looked up
        byte[] out = new byte[1 + ip.length];
        out[0] = (byte) (ip.length == 4 ? 1 : 4);
        System.arraycopy(ip, 0, out, 1, ip.length);
        return out;
      } catch (java.net.UnknownHostException e) {
        throw new Socks5Exception("Not an IP literal: " + literal, e);
      }
    }
    byte[] name = host.getBytes(StandardCharsets.US_ASCII);
    if (name.length == 0 || name.length > 255) {
      throw new Socks5Exception("Host name too long for SOCKS5: " + name.length + " bytes");
    }
    byte[] out = new byte[2 + name.length];
    out[0] = 3;
    out[1] = (byte) name.length;
    System.arraycopy(name, 0, out, 2, name.length);
    return out;
  }

  private static String replyText(int reply) {
    return switch (reply) {
      case 1 -> "general SOCKS server failure (1)";
      case 2 -> "connection not allowed by the proxy's rules (2)";
      case 3 -> "network unreachable (3)";
      case 4 -> "host unreachable (4)";
      case 5 -> "connection refused by the target (5)";
      case 6 -> "TTL expired (6)";
      case 7 -> "command not supported (7)";
      case 8 -> "address type not supported (8)";
      default -> "unassigned reply code " + reply;
    };
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("end of stream");
    }
    return b;
  }
}
