/** JMH benchmarks: TickGuard's cost measured against raw OkHttp and Jackson in the same run. */
package io.tickguard.benchmarks;
