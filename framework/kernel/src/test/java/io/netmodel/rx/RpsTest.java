package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.cpu.CpuTime;
import io.netmodel.cpu.Softirq;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Event;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receive packet steering ({@link Rps}, {@link Backlog}) on virtual time: a frame polled on the
 * IRQ's CPU goes up the stack on the CPU {@code rps_cpus} picks, after an IPI and a backlog poll
 * there; a backlog over {@code netdev_max_backlog} drops; a map of the polling CPU alone changes
 * nothing; TCP_RR pays the IPI and the backlog poll on its path.
 */
class RpsTest {
    private static final String RPS = "/sys/class/net/eth0/queues/rx-0/rps_cpus";
    private static final long STACK_NS = 1_500;

    /** One host, frames every {@code periodNs} for {@code runNs} through a socket; returns delivery times. */
    private static List<Long> stream(TinyHost one, long periodNs, long runNs) {
        SimHost h = one.host();
        Simulator sim = one.sim();
        h.napi.perPacketStackNs = STACK_NS;
        h.steerToSockets();
        List<Long> delivered = new ArrayList<>();
        h.napi.setConsumer((p, at) -> delivered.add(at));
        Event[] arrive = new Event[1];
        arrive[0] = () -> {
            if (sim.now() < runNs) {
                h.napi.rxArrive(sim.now());
                sim.schedule(periodNs, arrive[0]);
            }
        };
        sim.scheduleAt(0, arrive[0]);
        sim.runUntil(runNs + 10_000_000);
        return delivered;
    }

    private static long softirqNs(Kernel k, int cpu) {
        return k.cpus().cpu(cpu).time(CpuTime.SOFTIRQ);
    }

    private static long cal(SimHost h, int cpu) {
        for (String line : h.read("/proc/interrupts").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("CAL:")) {
                return Long.parseLong(f[1 + cpu]);
            }
        }
        throw new AssertionError("no CAL row");
    }

    @ParameterizedTest(name = "kernel {0}")
    @ValueSource(strings = {"3.11", "4.9", "5.15", "6.19"})
    void steering_to_another_cpu_moves_the_stack_work_processed_and_softirq_time_there(String release) {
        TinyHost off = TinyHost.boot(release);
        List<Long> plain = stream(off, 20_000, 2_000_000);
        TinyHost on = TinyHost.boot(release);
        assertEquals(0, on.host().inputIrqCpu(), "the IRQ (and its polls) on CPU 0");
        on.host().write(RPS, "2");
        List<Long> steered = stream(on, 20_000, 2_000_000);

        int n = plain.size();
        assertEquals(100, n);
        assertEquals(n, steered.size());
        Kernel k0 = off.kernel();
        Kernel k = on.kernel();
        assertEquals(n, k0.softnet(0).processed);
        assertEquals(0, k.softnet(0).processed, "nothing reaches __netif_receive_skb_core on CPU 0");
        assertEquals(n, k.softnet(1).processed);
        assertEquals(n, k.softnet(1).receivedRps, "one IPI per frame: the backlog is idle each time");
        assertEquals(n, cal(on.host(), 1));
        assertEquals(0, cal(off.host(), 1));
        // the protocol's cost left CPU 0 and runs in CPU 1's softirq, with the IPI's entry
        assertEquals(softirqNs(k0, 0) - n * STACK_NS, softirqNs(k, 0));
        assertEquals(n * STACK_NS, softirqNs(k, 1));
        assertEquals(n * on.host().costs.irq(), k.cpus().cpu(1).time(CpuTime.IRQ));
        assertEquals(n, k.cpus().cpu(1).softirqCount(Softirq.NET_RX));
        // each frame reaches the socket one IPI later than the stack work alone would take
        long irq = on.host().costs.irq();
        for (int i = 0; i < n; i++) {
            assertEquals(plain.get(i) + irq, (long) steered.get(i), "frame " + i);
        }
        assertTrue(on.host().read("/proc/net/softnet_stat").split("\n")[1].split(" ")[9].equals(String.format("%08x", n)),
            "received_rps is column 10 of softnet_stat: " + on.host().read("/proc/net/softnet_stat"));
    }

    @Test
    void a_map_of_the_polling_cpu_alone_changes_nothing() {
        TinyHost off = TinyHost.boot("6.19");
        List<Long> plain = stream(off, 7_000, 1_000_000);
        TinyHost on = TinyHost.boot("6.19");
        on.host().write(RPS, "1");
        List<Long> local = stream(on, 7_000, 1_000_000);
        assertEquals(plain, local);
        for (int cpu = 0; cpu < 2; cpu++) {
            assertArrayEquals(off.kernel().cpus().cpu(cpu).cpustat, on.kernel().cpus().cpu(cpu).cpustat);
            assertEquals(off.kernel().softnet(cpu).processed, on.kernel().softnet(cpu).processed);
            assertEquals(0, on.kernel().softnet(cpu).receivedRps);
        }
    }

    @Test
    void a_backlog_over_netdev_max_backlog_drops_into_dropped() {
        TinyHost on = TinyHost.boot("6.19");
        on.host().write(RPS, "2");
        on.host().write("/proc/sys/net/core/netdev_max_backlog", "10");
        on.host().napi.perPacketStackNs = 0; // set again by stream; the backlog costs STACK_NS per frame
        // a frame every 1 µs: CPU 0 polls it (driver part) in time, CPU 1's stack part takes 1.5 µs
        List<Long> got = stream(on, 1_000, 1_000_000);
        Kernel k = on.kernel();
        long sent = 1_000;
        int dropped = k.softnet(1).dropped;
        assertTrue(dropped > 200, "dropped " + dropped);
        assertEquals(sent, got.size() + dropped, "every frame is delivered or dropped at the backlog");
        assertEquals(dropped, on.host().eth0.stats().get(io.netmodel.net.NetStats.RX_DROPPED));
        assertEquals(0, k.softnet(0).dropped);
        assertEquals(got.size(), k.softnet(1).processed);
    }

    @Test
    void retiring_the_napi_frees_what_rps_queued_and_counts_it_as_dropped() {
        TinyHost on = TinyHost.boot("6.19");
        on.host().write(RPS, "2");
        SimHost h = on.host();
        h.napi.perPacketStackNs = STACK_NS;
        h.steerToSockets();
        long[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        Event[] arrive = new Event[1];
        arrive[0] = () -> {
            h.napi.rxArrive(on.sim().now());
            on.sim().schedule(1_000, arrive[0]);
        };
        on.sim().scheduleAt(0, arrive[0]);
        on.sim().runUntil(100_000); // 1.5 us of stack per 1 us: CPU 1's backlog grows
        int queued = on.kernel().softnet(1).backlogLen();
        assertTrue(queued > 10, "backlogged: " + queued);
        long before = h.napi.dropped();
        h.napi.retire(); // live traffic lets go of eth0
        assertEquals(before + queued, h.napi.dropped(), "flush_backlog");
        assertEquals(0, on.kernel().softnet(1).backlogLen());
        long got = delivered[0];
        on.sim().runUntil(200_000);
        assertEquals(got, delivered[0], "nothing more reaches the socket");
    }

    @Test
    void the_flow_limit_of_the_enqueuing_cpu_drops_a_flow_that_fills_half_the_backlog() {
        TinyHost on = TinyHost.boot("6.19");
        on.host().write(RPS, "2");
        on.host().write("/proc/sys/net/core/netdev_max_backlog", "100");
        on.host().write("/proc/sys/net/core/flow_limit_cpu_bitmap", "1");
        List<Long> got = stream(on, 1_000, 1_000_000);
        Kernel k = on.kernel();
        int limited = k.softnet(0).flowLimitCount;
        assertTrue(limited > 0, "flow_limit_count on the polling CPU");
        assertEquals(limited, k.softnet(1).dropped, "with the limit, nothing reaches netdev_max_backlog");
        assertEquals(1_000, got.size() + k.softnet(1).dropped);
    }

    @Test
    void the_backlog_polls_with_dev_weight_times_dev_weight_rx_bias() {
        TinyHost on = TinyHost.boot("6.19");
        on.host().write(RPS, "2");
        on.host().write("/proc/sys/net/core/dev_weight", "2");
        on.host().write("/proc/sys/net/core/dev_weight_rx_bias", "3");
        stream(on, 1_000, 200_000); // 1.5 µs of stack per 1 µs: the backlog is never empty for long
        Backlog b = on.host().rps.backlogIfAny(1);
        long frames = on.kernel().softnet(1).processed;
        assertTrue(b.polls * 6 >= frames && b.polls * 2 < frames, "polls " + b.polls + " for " + frames + " frames");
        TinyHost wide = TinyHost.boot("6.19");
        wide.host().write(RPS, "2");
        wide.host().write("/proc/sys/net/core/dev_weight", "2");
        stream(wide, 1_000, 200_000);
        assertTrue(wide.host().rps.backlogIfAny(1).polls > b.polls, "bias 1: quota 2, more polls");
    }

    @Test
    void before_4_10_the_backlog_quota_is_dev_weight_alone() {
        TinyHost old = TinyHost.boot("4.9");
        old.host().write(RPS, "2");
        old.host().write("/proc/sys/net/core/dev_weight", "6");
        assertTrue(old.host().read("/proc/sys/net/core/dev_weight_rx_bias").startsWith("("), "no such file before 4.10");
        stream(old, 1_000, 200_000);
        TinyHost biased = TinyHost.boot("6.19");
        biased.host().write(RPS, "2");
        biased.host().write("/proc/sys/net/core/dev_weight", "2");
        biased.host().write("/proc/sys/net/core/dev_weight_rx_bias", "3");
        stream(biased, 1_000, 200_000);
        assertEquals(biased.host().rps.backlogIfAny(1).polls, old.host().rps.backlogIfAny(1).polls,
            "quota 6 both ways");
    }

    private static BenchResult tcpRr(String mask) {
        BenchServiceImpl s = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
            () -> List.of(TinyDriver.plain()), () -> null);
        return s.runNetperfRr(NetperfRr.Protocol.TCP, 0, 0, 50_000_000L, 1, (a, b) -> { }, (at, ns) -> { },
            h -> {
                if (mask != null) {
                    h.write(RPS, mask);
                }
            }, client -> java.util.Map.of());
    }

    /**
     * TCP_RR with RPS to CPU 1 on both hosts (the application's CPU; the IRQ is on CPU 0): each
     * receive now waits for an IPI and a backlog poll on CPU 1, and the stack work moves there.
     */
    @Test
    void tcp_rr_with_rps_pays_an_ipi_on_each_receive() {
        BenchResult off = tcpRr(null);
        BenchResult on = tcpRr("2");
        double offUs = 1e6 / off.transactionsPerSecond();
        double onUs = 1e6 / on.transactionsPerSecond();
        double irqUs = RxCosts.load(RxCosts.DEFAULT_PROFILE).irq() / 1000.0;
        assertTrue(onUs > offUs + irqUs && onUs < offUs + 3 * irqUs, "two receives, each an IPI later: " + offUs + " -> " + onUs);
        assertEquals("2", on.knobs().get("server.eth0.queues.rx-0.rps_cpus"));
        assertTrue(on.counters().get("server.softnet.cpu1.received_rps") > 0);
        assertTrue(off.knobs().keySet().stream().noneMatch(key -> key.contains("rps")), off.knobs().toString());
    }
}
