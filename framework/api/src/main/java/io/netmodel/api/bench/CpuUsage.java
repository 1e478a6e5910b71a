package io.netmodel.api.bench;

/**
 * Where one CPU's time went during a run, as {@code /proc/stat} splits it (ns of simulated time).
 *
 * @param host {@code client} or {@code server}
 * @param cpu CPU number
 */
public record CpuUsage(String host, int cpu, long userNs, long sysNs, long softirqNs, long irqNs, long idleNs) {
    public long totalNs() {
        return userNs + sysNs + softirqNs + irqNs + idleNs;
    }
}
