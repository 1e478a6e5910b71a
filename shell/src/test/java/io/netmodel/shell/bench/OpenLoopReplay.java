package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.LatencySink;

/**
 * For test services that make one sample per request of an open-loop sender: hands a result's
 * samples to a sink, sample {@code i} taken at {@code i * periodNs}, and returns the result
 * without them, as a service does for a sink.
 */
final class OpenLoopReplay {
    private OpenLoopReplay() {
    }

    static BenchResult replay(BenchResult r, long periodNs, LatencySink sink) {
        long[] s = r.latencyNs();
        for (int i = 0; i < s.length; i++) {
            sink.sample(i * periodNs, s[i]);
        }
        return new BenchResult(r.workload(), r.knobs(), new long[0], r.transactions(), r.durationNs(), r.cpus(), r.counters());
    }
}
