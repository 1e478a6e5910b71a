package io.netmodel.api.sched;

/**
 * A NAPI's threaded state and its kthread, for callers that run "the configuration the host
 * has" (the benchmark): {@code napi_get_threaded(napi)} and {@code napi->thread}.
 *
 * @param napiId the NAPI id (0 when not hashed)
 * @param ifindex the device's ifindex
 * @param ifname the device's name
 * @param threaded the NAPI's mode
 * @param kthread its {@code napi/<ifname>-<id>} kthread, or null when it has none
 */
public record NapiThread(int napiId, int ifindex, String ifname, NapiThreaded threaded, TaskInfo kthread) {
}
