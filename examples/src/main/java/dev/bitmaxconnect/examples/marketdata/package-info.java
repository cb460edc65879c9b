/** Downstream consumers of the market-data topics. */
package dev.bitmaxconnect.examples.marketdata;
