package io.netmodel.shell.bench;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.LatencySink;
import io.netmodel.api.bench.ProgressListener;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.XskRrRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model whose every sample is the published p50 of its cell scaled by wire / 4300: the costs
 * that reproduce the table are wire = 4300, whatever the others are.
 */
public final class ScaledTable implements BenchService {
    final Map<String, Long> costs;
    public final List<XskRrRequest> runs;

    public ScaledTable(Map<String, Long> costs, List<XskRrRequest> runs) {
        this.costs = costs;
        this.runs = runs;
    }

    @Override
    public BenchResult xskRr(XskRrRequest r, ProgressListener progress) {
        runs.add(r);
        Seed001.Cell cell = Seed001.cells().stream()
            .filter(c -> c.periodNs() == r.periodNs() && c.delayNs() == r.delayNs() && c.mode() == r.mode())
            .findFirst().orElseThrow();
        long[] samples = new long[(int) (r.durationNs() / r.periodNs())];
        Arrays.fill(samples, cell.p50Ns() * costs.get("wire") / 4300);
        return new BenchResult("xsk-rr", Map.of(), samples, samples.length, r.durationNs(), List.of(), Map.of());
    }

    @Override
    public BenchResult xskRr(XskRrRequest r, ProgressListener progress, LatencySink sink) {
        return OpenLoopReplay.replay(xskRr(r, progress), r.periodNs(), sink);
    }

    @Override
    public BenchResult tcpRr(TcpRrRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Long> costs() {
        return costs;
    }

    @Override
    public BenchService withCosts(Map<String, Long> overrides) {
        Map<String, Long> m = new LinkedHashMap<>(costs);
        overrides.forEach((k, v) -> {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException("no cost parameter '" + k + "'");
            }
            m.put(k, v);
        });
        return new ScaledTable(m, runs);
    }

    /** Every cost 100 ns but {@code wire}. */
    public static ScaledTable withWire(long wire, List<XskRrRequest> runs) {
        Map<String, Long> costs = new LinkedHashMap<>();
        for (String p : CostFit.XSK_RR_PARAMS) {
            costs.put(p, 100L);
        }
        costs.put("wire", wire);
        return new ScaledTable(costs, runs);
    }
}
