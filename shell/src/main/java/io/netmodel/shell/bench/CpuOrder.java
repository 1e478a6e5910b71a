package io.netmodel.shell.bench;

import io.netmodel.api.bench.CpuUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CPUs in a fixed order for output: client before server, then by CPU number. */
final class CpuOrder {
    private static final Comparator<CpuUsage> ORDER = Comparator
        .comparingInt((CpuUsage c) -> hostRank(c.host()))
        .thenComparing(CpuUsage::host)
        .thenComparingInt(CpuUsage::cpu);

    private CpuOrder() {
    }

    static List<CpuUsage> sorted(List<CpuUsage> cpus) {
        List<CpuUsage> copy = new ArrayList<>(cpus);
        copy.sort(ORDER);
        return copy;
    }

    private static int hostRank(String host) {
        return switch (host) {
            case "client" -> 0;
            case "server" -> 1;
            default -> 2;
        };
    }
}
