package io.netmodel.api.host;

import java.util.Map;

/**
 * One loaded module, as {@code /proc/modules} and {@code lsmod} show it.
 *
 * @param name module name ({@code virtio_net})
 * @param size size in bytes (the bundle jar's size)
 * @param refcnt references held ({@code ModuleRegistry.tryModuleGet}: live benchmarks using its devices)
 * @param state initstate
 * @param params parameter values in force
 */
public record ModuleInfo(String name, long size, int refcnt, ModuleState state, Map<String, String> params) {
}
