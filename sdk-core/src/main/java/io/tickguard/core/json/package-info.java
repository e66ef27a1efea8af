/** The strict JSON settings every response is decoded with. */
package io.tickguard.core.json;
