package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.FormBody;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The Guard stage: checks every input of an {@link ApiRequest} and the caller's scopes, then builds
 * the HTTP request with every value percent-encoded. It runs before any I/O, so a refused request
 * costs nothing and reveals nothing.
 *
 * <p>Messages name the parameter and the rule it broke but never echo the value: a 10 KB string or a
 * pasted secret should not land in a log through an exception.
 */
public final class RequestGuard {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** Templates beyond this many are parsed per call rather than kept (endpoints made per call). */
  private static final int MAX_TEMPLATES = 1024;

  private final HttpUrl baseUrl;
  /** {@code User-Agent} and {@code Accept}, checked once (every request carries them). */
  private final Headers fixedHeaders;
  private final ConcurrentHashMap<String, Template> templates = new ConcurrentHashMap<>();

  public RequestGuard(HttpUrl baseUrl, String userAgent) {
    this.baseUrl = baseUrl;
    this.fixedHeaders = new Headers.Builder().add("User-Agent", userAgent).add("Accept", "application/json").build();
  }

  /**
   * A parsed path template and, when it has no variables, the base URL with its path already
   * appended (the same for every call, so its literal segments are not encoded again per call), and
   * the URL last built from it with its query: a bot polling the same query gets that URL again
   * instead of a new build of the same text (the query is still checked on every call).
   */
  private static final class Template {
    private final PathTemplate path;
    private final HttpUrl fixedUrl;
    private volatile Built last;

    private Template(PathTemplate path, HttpUrl fixedUrl) {
      this.path = path;
      this.fixedUrl = fixedUrl;
    }

    static Template of(HttpUrl baseUrl, String text) {
      PathTemplate path = PathTemplate.parse(text);
      if (path.segments().stream().anyMatch(PathTemplate.Segment::variable)) {
        return new Template(path, null);
      }
      HttpUrl.Builder url = baseUrl.newBuilder();
      for (PathTemplate.Segment segment : path.segments()) {
        url.addPathSegment(segment.text());
      }
      return new Template(path, url.build());
    }

    /** The fixed URL with {@code query}, which the caller has checked. */
    HttpUrl withQuery(List<ApiRequest.Param> query) {
      Built built = last;
      if (built != null && sameParams(built.query(), query)) {
        return built.url();
      }
      HttpUrl url = appendQuery(fixedUrl.newBuilder(), query).build();
      last = new Built(query, url);
      return url;
    }
  }

  /** Whether both lists hold the same names and values in the same order. */
  private static boolean sameParams(List<ApiRequest.Param> a, List<ApiRequest.Param> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ApiRequest.Param x = a.get(i);
      ApiRequest.Param y = b.get(i);
      if (!x.name().equals(y.name()) || !x.value().equals(y.value())) {
        return false;
      }
    }
    return true;
  }

  /** A URL and the (immutable) query it was built with. */
  private record Built(List<ApiRequest.Param> query, HttpUrl url) {}

  private static HttpUrl.Builder appendQuery(HttpUrl.Builder url, List<ApiRequest.Param> query) {
    for (ApiRequest.Param p : query) {
      url.addQueryParameter(p.name(), p.value());
    }
    return url;
  }

  /** Checks {@code request} against its endpoint and {@code granted}, and builds the HTTP request. */
  public Request toHttpRequest(ApiRequest request, Set<Scope> granted) {
    return toHttpRequestBuilder(request, granted, new Request.Builder().tag(ApiRequest.class, request)).build();
  }

  /**
   * {@link #toHttpRequest} onto {@code start}, for a caller that keeps its own tags (the Guard stage
   * starts from the call's seed, which carries them already, so no tag is added here) and builds the
   * request once. The URL, method, headers and body of {@code start} are replaced.
   */
  public Request.Builder toHttpRequestBuilder(ApiRequest request, Set<Scope> granted, Request.Builder start) {
    Endpoint endpoint = request.endpoint();
    checkScope(endpoint, granted);
    Template template = template(endpoint.pathTemplate());
    HttpUrl.Builder variablePath = path(endpoint, template, request.pathParams());
    checkParams(endpoint, "query", endpoint.queryParams(), request.query());
    HttpUrl url = variablePath == null
        ? template.withQuery(request.query())
        : appendQuery(variablePath, request.query()).build();
    RequestBody body = body(request);
    Request.Builder http = start.url(url).headers(fixedHeaders);
    if (request.idempotencyKey().isPresent()) {
      http.header("Idempotency-Key", checkHeaderValue("idempotencyKey", request.idempotencyKey().get()));
    }
    return http.method(endpoint.method().name(), body);
  }

  private static void checkScope(Endpoint endpoint, Set<Scope> granted) {
    if (!granted.contains(endpoint.scope())) {
      throw new PermissionDeniedException(
          "Endpoint '" + endpoint.name() + "' needs scope " + endpoint.scope()
              + " but the credentials grant only " + granted + ". Nothing was sent. If this key is"
              + " meant to do that, declare the scope on the credentials (withScopes(...)).");
    }
  }

  /**
   * Checks the path variables; for a template with variables, a builder of the base URL with the
   * path, each variable encoded; for one without, {@code null} (the template has its URL).
   */
  private HttpUrl.Builder path(Endpoint endpoint, Template template, Map<String, String> values) {
    if (!values.isEmpty()) { // most calls have no path variables: no key-set view or iterator for them
      for (String name : values.keySet()) {
        if (!endpoint.pathParams().containsKey(name)) {
          throw new InvalidRequestException(
              name, "Endpoint '" + endpoint.name() + "' has no path variable '" + name + "'; it has "
                  + endpoint.pathParams().keySet());
        }
      }
    }
    if (template.fixedUrl != null) {
      return null;
    }
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (PathTemplate.Segment segment : template.path.segments()) {
      if (segment.variable()) {
        String name = segment.text();
        String value = values.get(name);
        if (value == null) {
          throw new InvalidRequestException(
              name, "Path variable '" + name + "' of endpoint '" + endpoint.name() + "' is required");
        }
        checkPathValue(name, endpoint, value);
        checkValue(name, endpoint, endpoint.pathParams().get(name), value);
        url.addPathSegment(value);
      } else {
        url.addPathSegment(segment.text());
      }
    }
    return url;
  }

  private Template template(String text) {
    Template parsed = templates.get(text);
    if (parsed == null) {
      parsed = Template.of(baseUrl, text);
      if (templates.size() < MAX_TEMPLATES) {
        Template raced = templates.putIfAbsent(text, parsed);
        if (raced != null) {
          parsed = raced; // another thread parsed it first: use the cached one, so there is one per template
        }
      }
    }
    return parsed;
  }

  private static void checkParams(
      Endpoint endpoint, String kind, Map<String, ParamSpec> specs, List<ApiRequest.Param> params) {
    // A request has a handful of parameters: pairwise comparison finds a repeat without a set per call.
    for (int i = 0; i < params.size(); i++) {
      ApiRequest.Param p = params.get(i);
      ParamSpec spec = specs.get(p.name());
      if (spec == null) {
        throw new InvalidRequestException(
            safeName(p.name()), "Endpoint '" + endpoint.name() + "' does not accept " + kind
                + " parameter '" + safeName(p.name()) + "'; it accepts " + specs.keySet());
      }
      int times = 1 + count(params, p.name(), i);
      if (times > spec.maxOccurrences()) {
        throw new InvalidRequestException(p.name(), spec.maxOccurrences() == 1
            ? "Parameter '" + p.name() + "' is given twice; give it once"
            : "Parameter '" + p.name() + "' is given " + times + " times; endpoint '" + endpoint.name()
                + "' takes it at most " + spec.maxOccurrences() + " times");
      }
      checkValue(p.name(), endpoint, spec, p.value());
    }
    for (ParamSpec spec : specs.values()) {
      if (spec.required() && indexOf(params, spec.name(), params.size()) < 0) {
        throw new InvalidRequestException(
            spec.name(), "Parameter '" + spec.name() + "' of endpoint '" + endpoint.name() + "' is required");
      }
    }
  }

  /** How often {@code name} occurs among the first {@code limit} parameters (no collection per call). */
  private static int count(List<ApiRequest.Param> params, String name, int limit) {
    int n = 0;
    for (int j = 0; j < limit; j++) {
      if (params.get(j).name().equals(name)) {
        n++;
      }
    }
    return n;
  }

  /** The index of the first parameter named {@code name} among the first {@code limit}, or -1. */
  private static int indexOf(List<ApiRequest.Param> params, String name, int limit) {
    for (int j = 0; j < limit; j++) {
      if (params.get(j).name().equals(name)) {
        return j;
      }
    }
    return -1;
  }

  private RequestBody body(ApiRequest request) {
    Endpoint endpoint = request.endpoint();
    if (!request.form().isEmpty() || (!endpoint.formParams().isEmpty())) {
      checkParams(endpoint, "form", endpoint.formParams(), request.form());
    }
    if (!endpoint.method().hasBody()) {
      if (!request.form().isEmpty() || request.jsonBody().isPresent()) {
        throw new InvalidRequestException(
            "body", "Endpoint '" + endpoint.name() + "' is " + endpoint.method() + " and takes no body");
      }
      return null;
    }
    if (request.jsonBody().isPresent()) {
      return RequestBody.create(request.jsonBody().get(), JSON);
    }
    FormBody.Builder form = new FormBody.Builder();
    for (ApiRequest.Param p : request.form()) {
      form.add(p.name(), p.value());
    }
    return form.build();
  }

  private static void checkPathValue(String name, Endpoint endpoint, String value) {
    // '%' is refused too: a server or proxy that decodes twice would turn %2e%2e into '..'.
    if (value.equals(".") || value.contains("/") || value.contains("\\") || value.contains("%")) {
      throw new InvalidRequestException(
          name, "Path variable '" + name + "' of endpoint '" + endpoint.name()
              + "' must not be '.' or contain '/', '\\' or '%'");
    }
  }

  private static void checkValue(String name, Endpoint endpoint, ParamSpec spec, String value) {
    if (value.isEmpty()) {
      throw new InvalidRequestException(
          name, "Parameter '" + name + "' of endpoint '" + endpoint.name() + "' must not be empty");
    }
    if (value.length() > spec.maxLength()) {
      throw new InvalidRequestException(
          name, "Parameter '" + name + "' of endpoint '" + endpoint.name() + "' is "
              + value.length() + " characters long; the limit is " + spec.maxLength());
    }
    int control = firstControlCharacter(value);
    if (control >= 0) {
      throw new InvalidRequestException(
          name, "Parameter '" + name + "' of endpoint '" + endpoint.name()
              + "' contains a control character (CR, LF, NUL or similar) at index " + control);
    }
    if (value.contains("..")) {
      throw new InvalidRequestException(
          name, "Parameter '" + name + "' of endpoint '" + endpoint.name() + "' must not contain '..'");
    }
    if (!ParamPatterns.matches(spec.pattern(), value)) {
      throw new InvalidRequestException(
          name, "Parameter '" + name + "' of endpoint '" + endpoint.name()
              + "' does not match the allowed pattern " + spec.pattern().pattern());
    }
  }

  private static String checkHeaderValue(String name, String value) {
    if (value.isEmpty() || value.length() > 255 || firstControlCharacter(value) >= 0 || !value.matches("[\\x21-\\x7e]+")) {
      throw new InvalidRequestException(
          name, name + " must be 1-255 printable ASCII characters without spaces");
    }
    return value;
  }

  /** The index of the first C0/C1 control character or DEL, or -1. */
  static int firstControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  /** A parameter name fit for a message: printable ASCII, at most 64 characters. */
  private static String safeName(String name) {
    String cleaned = name.replaceAll("[^\\x20-\\x7e]", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "..." : cleaned;
  }
}
