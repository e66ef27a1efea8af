package io.tickguard.market.internal;

/**
 * Where a decoder is in a response, as a prefix such as {@code balances[3].}, rendered as text only
 * when a value there is refused: decoders that loop over thousands of elements no longer build a
 * path string per field on every successful call (issue 20). {@link #toString()} is the prefix, so
 * {@code path + "free"} still reads as before where a message is built anyway.
 */
public final class JsonPath {
  /** The top of the document: fields below it are named as they are ({@code serverTime}). */
  public static final JsonPath ROOT = new JsonPath(null, "", -1);

  /** Renders on each thread; only failures render, so this stays zero across a successful decode. */
  private static final ThreadLocal<long[]> RENDERS = ThreadLocal.withInitial(() -> new long[1]);

  private final JsonPath parent;
  private final String name;
  private final int index;

  private JsonPath(JsonPath parent, String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** Element {@code index} of the top-level array member {@code arrayName} ({@code ""} for a top-level array). */
  public static JsonPath element(String arrayName, int index) {
    return ROOT.child(arrayName, index);
  }

  /** Element {@code index} of the array member {@code arrayName} below this path. */
  public JsonPath child(String arrayName, int index) {
    return new JsonPath(this, arrayName, index);
  }

  /** The object member {@code objectName} below this path. */
  public JsonPath member(String objectName) {
    return new JsonPath(this, objectName, -1);
  }

  /** The full path of field {@code field} below this path, such as {@code balances[3].free}. */
  public String field(String field) {
    return this + field;
  }

  /** This path itself, without the trailing dot ({@code balances[3]}). */
  public String self() {
    String prefix = toString();
    return prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
  }

  /**
   * How many paths this thread has rendered as text so far. Tests read it around a successful decode
   * (it must not move) and around a refused one (it must: the message came from the lazy path).
   */
  public static long rendersOnThisThread() {
    return RENDERS.get()[0];
  }

  /** The prefix, with its trailing dot ({@code balances[3].}); empty for {@link #ROOT}. */
  @Override
  public String toString() {
    RENDERS.get()[0]++;
    return render();
  }

  private String render() {
    if (parent == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(parent.render()).append(name);
    if (index >= 0) {
      out.append('[').append(index).append(']');
    }
    return out.append('.').toString();
  }
}
