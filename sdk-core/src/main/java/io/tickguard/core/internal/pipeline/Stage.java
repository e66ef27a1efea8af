package io.tickguard.core.internal.pipeline;

import okhttp3.Interceptor;

/** One stage of the pipeline: an OkHttp interceptor with one job and a name for traces. */
public interface Stage extends Interceptor {

  /** The stage's name as in DESIGN.md ({@code Guard}, {@code Throttle}, ...). */
  String name();
}
