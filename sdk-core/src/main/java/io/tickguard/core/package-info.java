/**
 * TickGuard core: client configuration, requests, and the exception hierarchy shared by every
 * provider client.
 */
package io.tickguard.core;
