package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.UdpRrRequest;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code bench tcp-rr --live} and {@code udp-rr --live}: both hosts take the running model's
 * knobs, {@code busy_read} and {@code busy_poll} included (the sockets take {@code busy_read}
 * when they are made), and the run reports them; the request may not set those two.
 */
class NetperfRrLiveTest {
    private static final long MS = 1_000_000;

    private final TinyDriver driver = TinyDriver.plain();
    private final Host live = Host.with("6.19", 2, driver);
    private final BenchServiceImpl svc = LiveBench.over(live, 2, driver);

    private BenchResult tcpRrLive() {
        return svc.tcpRrLive(new TcpRrRequest(0, 0, 20 * MS, 1), (a, b) -> { }, (at, ns) -> { });
    }

    @Test
    void the_running_models_busy_read_and_deferral_run_and_are_reported() throws Exception {
        BenchResult plain = tcpRrLive();
        assertTrue(plain.knobs().get("busy_poll").startsWith("inactive: sk_ll_usec is 0"), plain.knobs()::toString);
        assertEquals("the running model's knobs, on both hosts", plain.knobs().get("config"));
        live.write("/proc/sys/net/core/busy_read", "50\n");
        live.write("/sys/class/net/eth0/napi_defer_hard_irqs", "2\n");
        BenchResult busy = tcpRrLive();
        assertEquals("50", busy.knobs().get("net.core.busy_read"));
        assertEquals("2", busy.knobs().get("eth0.napi_defer_hard_irqs"), busy.knobs()::toString);
        assertEquals("active", busy.knobs().get("busy_poll"));
        assertTrue(busy.transactions() > plain.transactions() * 12 / 10,
            "busy polling answers faster: " + plain.transactions() + " -> " + busy.transactions());
        // the in-process run with the same busy_read does the same
        BenchResult flags = svc.tcpRr(new TcpRrRequest(50, 0, 20 * MS, 1), (a, b) -> { }, (at, ns) -> { });
        assertEquals("active", flags.knobs().get("busy_poll"));
    }

    @Test
    void udp_rr_runs_live_too() throws Exception {
        live.write("/proc/sys/net/core/busy_read", "50\n");
        BenchResult r = svc.udpRrLive(new UdpRrRequest(0, 0, 20 * MS, 1), (a, b) -> { }, (at, ns) -> { });
        assertEquals("udp-rr", r.workload());
        assertEquals("active", r.knobs().get("busy_poll"));
    }

    @Test
    void a_live_run_refuses_busy_read_from_the_request() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> svc.tcpRrLive(new TcpRrRequest(50, 0, 20 * MS, 1), (a, b) -> { }, (at, ns) -> { }));
        assertTrue(e.getMessage().contains("busy_read and busy_poll are the running model's own"), e.getMessage());
    }
}
