/**
 * Small example programs, one file each, runnable with {@code java -cp
 * sdk-examples/target/tickguard.jar io.tickguard.examples.programs.NAME}: against the embedded
 * sandbox by default, against the real provider with {@code --live}.
 */
package io.tickguard.examples.programs;
