package io.tickguard.core;

import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a provider's endpoint table: method, path template, the scope it needs, how it
 * authenticates, what it costs against rate limits, and the allowlist of its parameters.
 *
 * <p>Endpoints are immutable constants, declared once per provider:
 *
 * <pre>{@code
 * static final Endpoint DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
 *     .scope(Scope.MARKET_DATA)
 *     .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
 *     .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
 *     .weight(req -> depthWeight(req.queryValue("limit")))
 *     .limits("REQUEST_WEIGHT")
 *     .build();
 * }</pre>
 */
public final class Endpoint {
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final String name;
  private final HttpMethod method;
  private final String pathTemplate;
  private final Scope scope;
  private final AuthMode authMode;
  private final ToIntFunction<ApiRequest> weight;
  private final Set<String> limits;
  private final boolean idempotent;
  private final String apiVersion;
  private final Map<String, ParamSpec> pathParams;
  private final Map<String, ParamSpec> queryParams;
  private final Map<String, ParamSpec> formParams;

  private Endpoint(Builder b) {
    this.name = b.name;
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.scope = b.scope;
    this.authMode = b.authMode;
    this.weight = b.weight;
    this.limits = Set.copyOf(b.limits);
    this.idempotent = b.idempotent == null ? b.method.idempotentBySpec() : b.idempotent;
    this.apiVersion = b.apiVersion;
    // Unmodifiable copies in declaration order: messages list the accepted parameters as declared, and
    // the Guard's walk over the specs on every call allocates no entry per spec (Map.copyOf's does).
    this.pathParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParams));
    this.queryParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.queryParams));
    this.formParams = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.formParams));
  }

  /** Starts an endpoint; every path variable of {@code pathTemplate} must be declared with {@link Builder#path}. */
  public static Builder builder(String name, HttpMethod method, String pathTemplate) {
    return new Builder(name, method, pathTemplate);
  }

  /** A short stable name, used in metrics and logs ({@code depth}, {@code account}). */
  public String name() {
    return name;
  }

  /** The HTTP method. */
  public HttpMethod method() {
    return method;
  }

  /** The path with {@code {variables}}; logged instead of the concrete path (no ids, no symbols). */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The scope the credentials need to call this endpoint. */
  public Scope scope() {
    return scope;
  }

  /** How calls to this endpoint authenticate. */
  public AuthMode authMode() {
    return authMode;
  }

  /** The cost of one call with these parameters against the endpoint's limit windows. */
  public int weight(ApiRequest request) {
    return weight.applyAsInt(request);
  }

  /** Names of the limit groups this endpoint counts against (e.g. {@code REQUEST_WEIGHT}, {@code ORDERS}). */
  public Set<String> limits() {
    return limits;
  }

  /** Whether repeating the call is safe (retries are only made for idempotent calls). */
  public boolean idempotent() {
    return idempotent;
  }

  /** The provider API version this endpoint targets, such as {@code v3}. */
  public Optional<String> apiVersion() {
    return Optional.ofNullable(apiVersion);
  }

  /** The rules of the path variables, by name. */
  public Map<String, ParamSpec> pathParams() {
    return pathParams;
  }

  /** The allowlist of query parameters, by name. */
  public Map<String, ParamSpec> queryParams() {
    return queryParams;
  }

  /** The allowlist of form parameters, by name. */
  public Map<String, ParamSpec> formParams() {
    return formParams;
  }

  /** Starts a request to this endpoint. */
  public ApiRequest.Builder request() {
    return ApiRequest.builder(this);
  }

  @Override
  public String toString() {
    return method + " " + pathTemplate + " (" + name + ")";
  }

  /** Builds an {@link Endpoint}. */
  public static final class Builder {
    private final String name;
    private final HttpMethod method;
    private final String pathTemplate;
    private Scope scope = Scope.MARKET_DATA;
    private AuthMode authMode = AuthMode.NONE;
    private ToIntFunction<ApiRequest> weight = r -> 1;
    private final java.util.Set<String> limits = new java.util.LinkedHashSet<>();
    private Boolean idempotent;
    private String apiVersion;
    private final Map<String, ParamSpec> pathParams = new LinkedHashMap<>();
    private final Map<String, ParamSpec> queryParams = new LinkedHashMap<>();
    private final Map<String, ParamSpec> formParams = new LinkedHashMap<>();

    private Builder(String name, HttpMethod method, String pathTemplate) {
      this.name = Objects.requireNonNull(name, "name");
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
      if (!pathTemplate.startsWith("/")) {
        throw new InvalidRequestException("pathTemplate", "pathTemplate must start with '/': " + pathTemplate);
      }
    }

    /** The scope credentials need (default {@link Scope#MARKET_DATA}). */
    public Builder scope(Scope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** How calls authenticate (default {@link AuthMode#NONE}). */
    public Builder auth(AuthMode authMode) {
      this.authMode = Objects.requireNonNull(authMode, "authMode");
      return this;
    }

    /** A fixed weight. */
    public Builder weight(int weight) {
      if (weight < 0) {
        throw new InvalidRequestException("weight", "weight must be >= 0");
      }
      this.weight = r -> weight;
      return this;
    }

    /** A weight computed from the request's parameters (order-book depth, symbol count, ...). */
    public Builder weight(ToIntFunction<ApiRequest> weight) {
      this.weight = Objects.requireNonNull(weight, "weight");
      return this;
    }

    /** The limit groups this endpoint counts against. */
    public Builder limits(String... groups) {
      limits.addAll(java.util.List.of(groups));
      return this;
    }

    /** Overrides the method's idempotency (e.g. a POST made safe by an idempotency key). */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /** The provider API version this endpoint targets. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** Declares a path variable of the template. */
    public Builder path(ParamSpec spec) {
      pathParams.put(spec.name(), spec);
      return this;
    }

    /** Allows a query parameter. */
    public Builder query(ParamSpec spec) {
      queryParams.put(spec.name(), spec);
      return this;
    }

    /** Allows a form parameter. */
    public Builder form(ParamSpec spec) {
      formParams.put(spec.name(), spec);
      return this;
    }

    /** Builds the endpoint; every path variable of the template must be declared. */
    public Endpoint build() {
      Matcher m = PATH_VARIABLE.matcher(pathTemplate);
      java.util.Set<String> variables = new java.util.HashSet<>();
      while (m.find()) {
        variables.add(m.group(1));
      }
      if (!variables.equals(pathParams.keySet())) {
        throw new InvalidRequestException("path", 
            "Endpoint " + name + ": path variables " + variables + " of " + pathTemplate
                + " must be declared exactly with path(...), declared " + pathParams.keySet());
      }
      return new Endpoint(this);
    }
  }
}
