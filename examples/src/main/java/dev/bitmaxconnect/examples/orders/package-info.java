/** Event-sourced order pipelines: each command's order followed through its result to its states. */
package dev.bitmaxconnect.examples.orders;
