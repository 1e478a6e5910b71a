package io.netmodel.api.trace;

import java.util.Map;

/**
 * One probe hit.
 *
 * @param probe the function probed ({@code netif_napi_add})
 * @param timeNs nanoseconds since the model booted
 * @param cpu the CPU the function ran on
 * @param args the arguments and results that matter, in a fixed order (e.g. dev, weight, napi_id)
 */
public record TraceEvent(String probe, long timeNs, int cpu, Map<String, Object> args) {
}
