package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.TcpRrRequest;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The busy-poll yes/no matrix of kernel-algorithms.md table (b) and seeds 000 and 004, out of
 * the real driver bundles in Felix: TCP_RR with busy_read=50 beats busy_read=0 exactly where the
 * driver's NAPI can be busy-polled on that release (ndo_busy_poll and an explicit napi_hash_add
 * before 4.5; any NAPI from 4.5, when the core assigns ids).
 */
@Timeout(300)
class BusyPollMatrixTest {
    @ParameterizedTest(name = "{0} on {1}: busy polling helps = {2}")
    @CsvSource({
        "e1000, 3.13, false", "e1000, 4.4, false", "e1000, 4.5, true", "e1000, 4.11, true", "e1000, 6.18, true",
        "igb, 3.13, false", "igb, 4.4, false", "igb, 4.5, true", "igb, 4.11, true", "igb, 6.18, true",
        "ixgbe, 3.13, true", "ixgbe, 4.4, true", "ixgbe, 4.5, true", "ixgbe, 4.11, true", "ixgbe, 6.18, true",
        "virtio_net, 3.13, false", "virtio_net, 4.4, true", "virtio_net, 4.5, true", "virtio_net, 4.11, true",
        "virtio_net, 6.18, true",
        "mlx4_en, 3.13, true", "mlx4_en, 4.4, true", "mlx4_en, 4.5, true", "mlx4_en, 4.11, true", "mlx4_en, 6.18, true",
    })
    void busy_read_gains_exactly_where_the_reference_says(String driver, String kernel, boolean gains) throws Exception {
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config(kernel, 2, driver, 0), layout.systemDir(),
            layout.bundlesDir(), TestDirs.felixCache())) {
            host.modprobe(driver, Map.of());
            BenchService bench = host.bench().orElseThrow();
            BenchResult off = bench.tcpRr(new TcpRrRequest(0, 0, 50_000_000L, 1), (d, t) -> { });
            BenchResult on = bench.tcpRr(new TcpRrRequest(50, 50, 50_000_000L, 1), (d, t) -> { });
            double ratio = on.transactionsPerSecond() / off.transactionsPerSecond();
            assertEquals(gains, ratio > 1.1, driver + " " + kernel + ": ratio " + ratio + ", " + on.knobs());
        }
    }
}
