package io.tickguard.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable call to an {@link Endpoint}: its path variables, query and form parameters (in the
 * order given, which signatures depend on), an optional JSON body and an optional idempotency key.
 *
 * <p>Values are raw here. The Guard stage checks each one against the endpoint's {@link ParamSpec}
 * and percent-encodes it; nothing is checked or encoded by the builder, so building never throws for
 * a bad value and every refusal comes from one place with one kind of message.
 */
public final class ApiRequest {

  /**
   * A name/value pair of a query string or form body.
   *
   * @param name parameter name
   * @param value raw value
   */
  public record Param(String name, String value) {
    public Param {
      Objects.requireNonNull(name, "name");
      if (value == null) { // no message built for every parameter of every call
        throw new NullPointerException("value of " + name);
      }
    }
  }

  private final Endpoint endpoint;
  private final Map<String, String> pathParams;
  private final List<Param> query;
  private final List<Param> form;
  private final byte[] jsonBody;
  private final String idempotencyKey;

  private ApiRequest(Builder b) {
    this.endpoint = b.endpoint;
    // Most requests have no path variables and no form: nothing is copied for them.
    this.pathParams = Collections.unmodifiableMap(b.pathParams == null ? Map.of() : new LinkedHashMap<>(b.pathParams));
    this.query = List.copyOf(b.query);
    this.form = List.copyOf(b.form == null ? List.of() : b.form);
    this.jsonBody = b.jsonBody;
    this.idempotencyKey = b.idempotencyKey;
  }

  /** Starts a request to {@code endpoint}. */
  public static Builder builder(Endpoint endpoint) {
    return new Builder(endpoint);
  }

  /** The endpoint this request calls. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Path variable values by name, raw (the Guard encodes them). */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** Query parameters in the order given. */
  public List<Param> query() {
    return query;
  }

  /** Form parameters in the order given. */
  public List<Param> form() {
    return form;
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> queryValue(String name) {
    for (Param p : query) {
      if (p.name().equals(name)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  /** A copy of the JSON body, if any. */
  public Optional<byte[]> jsonBody() {
    return jsonBody == null ? Optional.empty() : Optional.of(jsonBody.clone());
  }

  /** The idempotency key that makes a non-idempotent call safe to retry, if any. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Whether this call may be retried: idempotent by its endpoint, or carrying an idempotency key. */
  public boolean retryable() {
    return endpoint.idempotent() || idempotencyKey != null;
  }

  /** This request's weight against its endpoint's limit windows. */
  public int weight() {
    return endpoint.weight(this);
  }

  /** A builder with this request's values, to derive a variant. */
  public Builder newBuilder() {
    Builder b = new Builder(endpoint);
    pathParams.forEach(b::path);
    b.query.addAll(query);
    form.forEach(p -> b.form(p.name(), p.value()));
    b.jsonBody = jsonBody;
    b.idempotencyKey = idempotencyKey;
    return b;
  }

  /** The endpoint and parameter names only: values may be account ids, so they are not printed. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    query.forEach(p -> names.add(p.name()));
    form.forEach(p -> names.add(p.name()));
    return "ApiRequest{" + endpoint + ", params=" + names + "}";
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final Endpoint endpoint;
    /** Made by the first {@link #path}: most requests have none. */
    private Map<String, String> pathParams;
    private final List<Param> query = new ArrayList<>(4);
    /** Made by the first {@link #form}: most requests have none. */
    private List<Param> form;
    private byte[] jsonBody;
    private String idempotencyKey;

    private Builder(Endpoint endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Sets path variable {@code name} of the endpoint's template. */
    public Builder path(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, name);
      if (pathParams == null) {
        pathParams = new LinkedHashMap<>();
      }
      pathParams.put(name, value);
      return this;
    }

    /** Adds a query parameter; order is kept. */
    public Builder query(String name, String value) {
      query.add(new Param(name, value));
      return this;
    }

    /** Adds a query parameter when {@code value} is present. */
    public Builder query(String name, Optional<String> value) {
      value.ifPresent(v -> query(name, v));
      return this;
    }

    /** Adds a form parameter ({@code application/x-www-form-urlencoded} body); order is kept. */
    public Builder form(String name, String value) {
      Param param = new Param(name, value);
      if (form == null) {
        form = new ArrayList<>();
      }
      form.add(param);
      return this;
    }

    /** Sets a JSON body; it is copied. */
    public Builder jsonBody(byte[] json) {
      this.jsonBody = Arrays.copyOf(json, json.length);
      return this;
    }

    /** Sets an idempotency key, which makes a non-idempotent call safe to retry. */
    public Builder idempotencyKey(String key) {
      this.idempotencyKey = Objects.requireNonNull(key, "idempotencyKey");
      return this;
    }

    /** Builds the request; values are checked later, by the Guard stage. */
    public ApiRequest build() {
      if (jsonBody != null && form != null) {
        throw new InvalidRequestException("body", "A request has either a JSON body or form parameters, not both");
      }
      return new ApiRequest(this);
    }
  }
}
