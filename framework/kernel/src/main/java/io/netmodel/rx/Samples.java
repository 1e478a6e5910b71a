package io.netmodel.rx;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.LatencySink;
import java.util.Arrays;

/**
 * Latency samples of a run, in ns, in completion order; grows by doubling (one array per run).
 * The sink of callers that want every sample in the result (8 bytes a request: a run that
 * must stay flat hands its own {@link LatencySink} to the service instead).
 */
final class Samples implements LatencySink {
    private long[] values = new long[1 << 14];
    private int size;

    void add(long ns) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = ns;
    }

    @Override
    public void sample(long atNs, long latencyNs) {
        add(latencyNs);
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** {@code r}, which a run that sent its samples here returned, with them in it. */
    BenchResult into(BenchResult r) {
        return new BenchResult(r.workload(), r.knobs(), toArray(), r.transactions(), r.durationNs(), r.cpus(), r.counters());
    }
}
