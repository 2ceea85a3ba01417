/** The gateway's HTTP API bodies, shared by the gateway and the console. The contract is docs/api.md. */
package dev.countersign.model.api;
