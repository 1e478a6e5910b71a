package io.netmodel.shell.cmd.bench.fakebundle;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.XskRrRequest;
import java.util.List;
import java.util.Map;

/** A BenchService loaded by a bundle class loader: one sample per period, 13 µs + mode × 1 µs. */
public final class BundleBench implements BenchService {
    @Override
    public BenchResult xskRr(XskRrRequest r, ProgressListener progress) {
        int n = (int) (r.durationNs() / r.periodNs());
        long[] samples = new long[n];
        java.util.Arrays.fill(samples, 13_000 + 1_000L * r.mode().ordinal());
        progress.progress(r.durationNs(), r.durationNs());
        return new BenchResult("xsk-rr", Map.of("loaded-by", String.valueOf(getClass().getClassLoader())), samples, n,
            r.durationNs(), List.of(new CpuUsage("client", 0, 1, 1, 1, 1, 6)), Map.of());
    }

    @Override
    public BenchResult tcpRr(TcpRrRequest r, ProgressListener progress) {
        throw new UnsupportedOperationException("tcp_rr is not in this test bundle");
    }
}
