/**
 * Implementation detail of tickguard-redis: Lua scripts and their runner, outage tracking. Not API:
 * may change in any release.
 */
package io.tickguard.redis.internal;
