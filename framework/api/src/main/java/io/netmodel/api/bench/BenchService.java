package io.netmodel.api.bench;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs benchmarks on a pair of simulated hosts (client and server) built like the model's own
 * host: same kernel release, CPUs, NIC and driver, joined by a wire. Runs are batch: as fast
 * as the CPU allows, deterministic for a seed. Thread-safe; one run at a time per call.
 */
@ProviderType
public interface BenchService {
    BenchResult xskRr(XskRrRequest request, ProgressListener progress);

    BenchResult tcpRr(TcpRrRequest request, ProgressListener progress);
}
