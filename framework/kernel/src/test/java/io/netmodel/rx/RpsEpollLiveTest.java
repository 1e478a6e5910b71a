package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.CpuUsage;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench epoll-rr --live} copies RX queue 0's {@code rps_cpus} and the backlog's sysctls
 * ({@code netdev_max_backlog}, {@code dev_weight}) onto its fresh hosts, reports them, and the
 * server's stack work then runs on the RPS CPU.
 */
class RpsEpollLiveTest {
    private static final long MS = 1_000_000;

    private final TinyDriver driver = TinyDriver.plain();
    private final Host live = Host.with("6.19", 4, driver);
    private final BenchServiceImpl svc = LiveBench.over(live, 4, driver);

    private BenchResult runLive() {
        return svc.epollRrLive(new EpollRrRequest(25_000, 3000, 0, 0, false, 0, 0, 0, 60 * MS, 7), (a, b) -> { });
    }

    private static double mean(long[] ns) {
        return java.util.Arrays.stream(ns).average().orElseThrow();
    }

    @Test
    void rps_cpus_and_the_backlog_sysctls_are_copied_reported_and_act() throws Exception {
        BenchResult off = runLive();
        assertTrue(off.counters().keySet().stream().noneMatch(k -> k.contains("softnet")), off.counters()::toString);
        live.write("/sys/class/net/eth0/queues/rx-0/rps_cpus", "4\n");
        live.write("/proc/sys/net/core/netdev_max_backlog", "50\n");
        live.write("/proc/sys/net/core/dev_weight", "32\n");
        BenchResult on = runLive();
        Map<String, String> k = on.knobs();
        assertEquals("4", k.get("server.eth0.queues.rx-0.rps_cpus"), k::toString);
        assertEquals("50", k.get("server.net.core.netdev_max_backlog"));
        assertEquals("32", k.get("server.net.core.dev_weight"));
        Map<String, Long> c = on.counters();
        long requests = on.latencyNs().length;
        assertTrue(requests > 1000, "answered: " + requests);
        assertTrue(c.get("server.softnet.cpu2.received_rps") >= requests, c::toString);
        assertTrue(c.get("server.softnet.cpu2.processed") >= requests, c::toString);
        assertEquals(0L, c.get("server.softnet.cpu2.dropped"));
        assertTrue(mean(on.latencyNs()) > mean(off.latencyNs()), "an IPI and a backlog poll on the path: "
            + mean(off.latencyNs()) + " -> " + mean(on.latencyNs()));
    }
}
