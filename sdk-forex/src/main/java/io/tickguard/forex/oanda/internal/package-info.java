/** OANDA wiring: endpoints, decoders, error mapping, the token authenticator and the stream protocol. Not a public API. */
package io.tickguard.forex.oanda.internal;
