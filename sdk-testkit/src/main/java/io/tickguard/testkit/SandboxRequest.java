package io.tickguard.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One request as the sandbox received it: method, path, query, headers and body bytes, exactly as
 * they came off the wire, so that route handlers verify signatures over what the client really sent.
 */
public final class SandboxRequest {
  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  private final byte[] body;
  private final String requestId;
  private final String clientAddress;
  private final Map<String, String> pathVariables;

  /**
   * Creates a request view.
   *
   * @param method upper-case HTTP method
   * @param url the full URL the client asked for
   * @param headers the request headers
   * @param body the body bytes (copied)
   * @param requestId the id the sandbox gave this request
   * @param clientAddress the address rate limits and bans apply to
   */
  public SandboxRequest(
      String method, HttpUrl url, Headers headers, byte[] body, String requestId, String clientAddress) {
    this(method, url, headers, body.clone(), requestId, clientAddress, Map.of());
  }

  private SandboxRequest(
      String method, HttpUrl url, Headers headers, byte[] body, String requestId, String clientAddress,
      Map<String, String> pathVariables) {
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = body;
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
    this.pathVariables = Map.copyOf(pathVariables);
  }

  /** A copy carrying the variables the route template matched. */
  public SandboxRequest withPathVariables(Map<String, String> variables) {
    return new SandboxRequest(method, url, headers, body, requestId, clientAddress, variables);
  }

  /** The upper-case HTTP method. */
  public String method() {
    return method;
  }

  /** The full URL. */
  public HttpUrl url() {
    return url;
  }

  /** The encoded path, such as {@code /api/v3/depth}. */
  public String path() {
    return url.encodedPath();
  }

  /** The encoded path and query exactly as sent ({@code /a?x=1&y=2}); what most signatures cover. */
  public String pathAndQuery() {
    String query = url.encodedQuery();
    return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
  }

  /** The encoded query string without {@code ?}, empty when there is none. */
  public String encodedQuery() {
    String query = url.encodedQuery();
    return query == null ? "" : query;
  }

  /** The first value of query parameter {@code name}, decoded. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(url.queryParameter(name));
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** All headers. */
  public Headers headers() {
    return headers;
  }

  /** A copy of the body bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type of the body without parameters, lower case, or empty. */
  public String contentType() {
    String type = headers.get("Content-Type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The form parameters of an {@code application/x-www-form-urlencoded} body, decoded, in order;
   * empty for any other content type.
   */
  public List<Map.Entry<String, String>> formParameters() {
    if (!contentType().equals("application/x-www-form-urlencoded") || body.length == 0) {
      return List.of();
    }
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (String pair : bodyText().split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(Map.entry(decode(name), decode(value)));
    }
    return out;
  }

  /** The form parameters as a map; a repeated name keeps its first value. */
  public Map<String, String> form() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : formParameters()) {
      out.putIfAbsent(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Whether form parameter {@code name} appears more than once (a common smuggling trick). */
  public boolean formParameterRepeated(String name) {
    return formParameters().stream().filter(e -> e.getKey().equals(name)).count() > 1;
  }

  /** The variable {@code name} of the route's path template. */
  public Optional<String> pathVariable(String name) {
    return Optional.ofNullable(pathVariables.get(name));
  }

  /** The id the sandbox answers in its request-id header. */
  public String requestId() {
    return requestId;
  }

  /** The client address limits and bans are counted against. */
  public String clientAddress() {
    return clientAddress;
  }

  /** {@code GET /path}, the key of route-scoped faults. */
  public String routeKey() {
    return method + " " + path();
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SandboxRequest{" + method + " " + path() + ", id=" + requestId + "}";
  }
}
