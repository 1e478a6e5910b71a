package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.BenchService;
import io.netmodel.api.bench.TcpRrRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real driver's RX queue 0 IRQ is the one the benchmark hosts deliver to (and count, and
 * steer by its affinity): {@code server.irq.N} names a real IRQ and counts the interrupts. idpf,
 * whose queue vectors count from 1 ({@code idpf-eth0-TxRx-1}), used to report {@code irq.-1}.
 */
@Timeout(300)
class BenchInputIrqTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"virtio_net", "e1000", "igb", "ixgbe", "mlx4_en", "idpf"})
    void the_bench_hosts_find_rx_queue_0s_irq(String driver) throws Exception {
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config("6.18", 2, driver, 0), layout.systemDir(),
            layout.bundlesDir(), TestDirs.felixCache())) {
            host.modprobe(driver, Map.of());
            BenchService bench = host.bench().orElseThrow();
            BenchResult r = bench.tcpRr(new TcpRrRequest(0, 0, 20_000_000L, 1), (d, t) -> { });
            List<String> irqs = r.counters().keySet().stream().filter(k -> k.startsWith("server.irq.")).toList();
            assertEquals(1, irqs.size(), r.counters().toString());
            assertTrue(Integer.parseInt(irqs.get(0).substring("server.irq.".length())) >= 0, irqs.get(0));
            assertTrue(r.counters().get(irqs.get(0)) > 0, r.counters().toString());
        }
    }
}
