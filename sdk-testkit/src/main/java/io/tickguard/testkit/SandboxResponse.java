package io.tickguard.testkit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;

/**
 * What a route answers: status, headers and body. Independent of the server underneath, so provider
 * routes never touch MockWebServer types.
 */
public final class SandboxResponse {
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final StreamingBody streaming;
  private final WebSocketListener webSocket;

  private SandboxResponse(
      int status, Map<String, String> headers, byte[] body, StreamingBody streaming,
      WebSocketListener webSocket) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.streaming = streaming;
    this.webSocket = webSocket;
  }

  /** Accepts a WebSocket upgrade (HTTP 101); {@code listener} is the server's side of the session. */
  public static SandboxResponse webSocket(WebSocketListener listener) {
    return new SandboxResponse(101, Map.of(), new byte[0], null, Objects.requireNonNull(listener, "listener"));
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
    return new SandboxResponse(status, headers, body.clone(), null, null);
  }

  /**
   * An answer whose body is written over time as HTTP/1.1 chunks ({@code Transfer-Encoding:
   * chunked}); the connection closes when the body ends.
   */
  public static SandboxResponse streaming(int status, String contentType, StreamingBody body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Objects.requireNonNull(contentType, "contentType"));
    return new SandboxResponse(status, headers, new byte[0], Objects.requireNonNull(body, "body"), null);
  }

  /** The server side of an accepted WebSocket upgrade, if this answer is one. */
  public java.util.Optional<WebSocketListener> webSocketListener() {
    return java.util.Optional.ofNullable(webSocket);
  }

  /** The streaming body, when this answer is written over time. */
  public java.util.Optional<StreamingBody> streamingBody() {
    return java.util.Optional.ofNullable(streaming);
  }

  /** A copy with header {@code name} set to {@code value}. */
  public SandboxResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new SandboxResponse(status, copy, body, streaming, webSocket);
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
