package io.tickguard.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a route answers: status, headers and body. Independent of the server underneath, so provider
 * routes never touch MockWebServer types.
 */
public final class SandboxResponse {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final okhttp3.WebSocketListener webSocket;

  private SandboxResponse(int status, Map<String, String> headers, byte[] body, okhttp3.WebSocketListener webSocket) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.webSocket = webSocket;
  }

  /**
   * Accepts a WebSocket upgrade (101) and hands the connection to {@code listener}, which plays the
   * server side of the socket (its {@code onOpen} receives the server's end).
   */
  public static SandboxResponse webSocket(okhttp3.WebSocketListener listener) {
    return new SandboxResponse(101, Map.of(), new byte[0], java.util.Objects.requireNonNull(listener, "listener"));
  }

  /** The server side of an accepted WebSocket upgrade, if this answer is one. */
  public java.util.Optional<okhttp3.WebSocketListener> webSocketListener() {
    return java.util.Optional.ofNullable(webSocket);
  }

  /** A JSON answer with {@code status}. */
  public static SandboxResponse json(int status, JsonNode node) {
    return json(status, SandboxJson.write(node));
  }

  /** A JSON answer with {@code status} and an already serialized body. */
  public static SandboxResponse json(int status, String json) {
    return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A 200 JSON answer. */
  public static SandboxResponse ok(JsonNode node) {
    return json(200, node);
  }

  /** Any answer. */
  public static SandboxResponse of(int status, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return new SandboxResponse(status, headers, body.clone(), null);
  }

  /** A copy with header {@code name} set to {@code value}. */
  public SandboxResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new SandboxResponse(status, copy, body, webSocket);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The headers, in the order they were set. */
  public Map<String, String> headers() {
    return headers;
  }

  /** A copy of the body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SandboxResponse{" + status + ", " + headers.get("Content-Type") + ", " + body.length + " bytes}";
  }
}
