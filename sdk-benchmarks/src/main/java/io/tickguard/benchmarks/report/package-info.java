/** Turns JMH's JSON results into the Markdown table published in docs/performance.md. */
package io.tickguard.benchmarks.report;
