/**
 * The request pipeline, one small OkHttp interceptor per stage, composed in one place: {@link
 * io.tickguard.core.internal.pipeline.Pipeline}. Read that class top to bottom for the order.
 * Implementation detail: not for use outside TickGuard.
 */
package io.tickguard.core.internal.pipeline;
