/** Insightease forex wiring: endpoints and decoders. Not a public API. */
package io.tickguard.forex.insightease.internal;
