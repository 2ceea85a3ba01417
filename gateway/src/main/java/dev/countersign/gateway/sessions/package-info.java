/**
 * Short-lived reviewer sessions opened by signing a gateway challenge with an enrolled key, and key rotation signed by
 * the old and the new key (docs/api.md, "Sessions").
 */
package dev.countersign.gateway.sessions;
