package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.TcpRrRequest;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TcpExt BusyPollRxPackets ({@code LINUX_MIB_BUSYPOLLRXPACKETS}) moved by the busy poll itself, on
 * virtual time: nothing without busy_read; nothing where the NAPI has id 0 (a driver without its
 * own {@code ndo_busy_poll} on 4.4, seed 000's e1000); the packets the loop took where it runs
 * (the same driver on 4.5);
 * nothing for threaded busy poll's kthread, whose {@code napi_threaded_poll_loop} polls with
 * {@code __napi_poll} and counts no busy-poll packets.
 */
class BusyPollRxPacketsTest {
    private static final String CLIENT = "client.netstat.TcpExt.BusyPollRxPackets";
    private static final String SERVER = "server.netstat.TcpExt.BusyPollRxPackets";

    private static BenchServiceImpl service(String kernel, TinyDriver d) {
        return new BenchServiceImpl(new Profile(KernelVersion.parse(kernel)), HostSpec.defaultHost(), () -> List.of(d),
            () -> null);
    }

    private static BenchResult tcpRr(String kernel, TinyDriver d, int busyRead) {
        return service(kernel, d).tcpRr(new TcpRrRequest(busyRead, 0, 20_000_000L, 1), (a, b) -> { });
    }

    private static BenchResult xskRr(XskMode mode) {
        return service("6.19", TinyDriver.plain())
            .xskRr(new XskRrRequest(80_000, 0, mode, 20_000_000L, 1), (a, b) -> { });
    }

    @Test
    void should_count_nothing_without_busy_read() {
        BenchResult r = tcpRr("6.19", TinyDriver.plain(), 0);
        assertTrue(r.transactions() > 100, r::toString);
        assertEquals(0L, r.counters().get(CLIENT));
        assertEquals(0L, r.counters().get(SERVER));
    }

    @Test
    void should_count_nothing_where_the_napi_has_id_0() {
        BenchResult r = tcpRr("4.4", TinyDriver.plain(), 50);
        assertEquals("0", r.knobs().get("eth0.napi_id"));
        assertTrue(r.knobs().get("busy_poll").contains("sk_napi_id is 0"), r.knobs()::toString);
        assertEquals(0L, r.counters().get(CLIENT));
        assertEquals(0L, r.counters().get(SERVER));
    }

    /**
     * Each host receives one packet per transaction and its busy loop takes every one, through
     * the 10 ms of warm-up too: the count is 1.5 times the transactions of the 20 ms measured.
     * The same driver counts on 4.5, where {@code netif_napi_add} gives its NAPI an id.
     */
    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"4.5", "6.19"})
    void should_count_every_packet_the_busy_loop_took(String kernel) {
        BenchResult r = tcpRr(kernel, TinyDriver.plain(), 50);
        assertEquals("active", r.knobs().get("busy_poll"));
        long all = r.transactions() * 3 / 2;
        for (String host : new String[] {CLIENT, SERVER}) {
            long n = r.counters().get(host);
            assertTrue(n >= all - 2 && n <= all + 2, host + " " + n + " for " + r.transactions() + " transactions");
        }
    }

    /**
     * xsk_rr's threads loop on {@code recvfrom(MSG_DONTWAIT)}, one {@code napi_busy_loop} pass
     * each: the server's takes every request, the client's every reply.
     */
    @Test
    void should_count_what_the_recvfrom_loops_took() {
        BenchResult r = xskRr(XskMode.BUSY_POLL);
        long sent = r.counters().get("client.requests_sent");
        assertTrue(sent > 100, r.counters()::toString);
        assertEquals(sent, r.counters().get(SERVER), r.counters()::toString);
        assertEquals(sent, r.counters().get(CLIENT), r.counters()::toString);
    }

    @Test
    void should_count_nothing_for_the_threaded_busy_poll_kthread() {
        BenchResult r = xskRr(XskMode.THREADED_BUSY_POLL);
        assertTrue(r.counters().get("server.napi.polls") > r.transactions(), r.counters()::toString);
        assertEquals(0L, r.counters().get(CLIENT));
        assertEquals(0L, r.counters().get(SERVER));
    }
}
