package io.tickguard.core.internal.pipeline;

import okhttp3.Request;

/**
 * Sees each stage entered and left, in order, for the test that proves the stage order. The
 * pipeline wraps its stages only when a trace is given; production clients run them unwrapped.
 */
public interface StageTrace {

  /** {@code stage} was entered with {@code request}. */
  void entered(String stage, Request request);

  /** {@code stage} returned a response ({@code failure == null}) or threw {@code failure}. */
  void left(String stage, Throwable failure);
}
