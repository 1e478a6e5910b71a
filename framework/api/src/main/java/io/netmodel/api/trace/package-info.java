/**
 * Probes on model functions ({@code netif_napi_add}, {@code napi_hash_add}, ...), like kprobes
 * with bcc or SystemTap: subscribe to a probe and get one event per hit with the arguments that
 * matter.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.netmodel.api.trace;
