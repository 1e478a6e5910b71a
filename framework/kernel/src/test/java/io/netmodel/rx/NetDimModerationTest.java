package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.ethtool.Coalesce;
import io.netmodel.api.ethtool.CoalesceParam;
import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.EthtoolOps;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.netdev.RxDim;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code adaptive-rx} on a driver whose adaptive moderation is DIM, on virtual time: the driver
 * here is idpf as far as coalescing goes (rx-usecs 50 and adaptive-rx on by default,
 * {@code USECS | USE_ADAPTIVE}, DIM with idpf's own table 2/8/32/96/128 µs starting at index 1,
 * restarted when stale). Request/response ends on the lowest profiles, a stream of frames moves to
 * the highest (fewer interrupts), adaptive-rx off holds the static value, and {@code ethtool -C}
 * during a run takes effect at the next read of the settings.
 */
class NetDimModerationTest {
    static final RxDim IDPF_LIKE = new RxDim(RxDim.CqPeriodMode.START_FROM_EQE,
        List.of(new RxDim.CqModer(2, 0), new RxDim.CqModer(8, 0), new RxDim.CqModer(32, 0), new RxDim.CqModer(96, 0),
            new RxDim.CqModer(128, 0)), 1, true);

    /** {@code idpf_get_coalesce}/{@code idpf_set_coalesce} as far as the receive path reads them. */
    static final class ItrEthtool implements EthtoolOps {
        private Coalesce c = Coalesce.zero().with(CoalesceParam.USE_ADAPTIVE_RX, true).with(CoalesceParam.RX_USECS, 50);

        @Override
        public int supportedCoalesceParams() {
            return CoalesceParam.USECS | CoalesceParam.USE_ADAPTIVE;
        }

        @Override
        public Coalesce getCoalesce() {
            return c;
        }

        @Override
        public void setCoalesce(Coalesce ec) throws EthtoolException {
            c = ec;
        }
    }

    private static Kernel boot(RxDim dim) {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost());
        TinyDriver d = TinyDriver.plain();
        d.ethtoolOps = ItrEthtool::new;
        d.rxDim = dim;
        k.modules().driverAppeared(d);
        return k;
    }

    private static SimHost host(Simulator sim, RxDim dim) {
        SimHost h = new SimHost("h", boot(dim), sim, RxCosts.load(RxCosts.DEFAULT_PROFILE));
        h.napi.setConsumer((p, at) -> { });
        return h;
    }

    private static long irqs(SimHost h) {
        long n = 0;
        for (int cpu = 0; cpu < h.cpus.length; cpu++) {
            n += h.kernel.irqs().get(h.inputIrqNumber()).count(cpu);
        }
        return n;
    }

    /** {@code ethtool -C eth0 adaptive-rx A rx-usecs U}, then the run reads the settings again. */
    private static void ethtoolC(SimHost h, boolean adaptive, long rxUsecs) {
        try {
            h.kernel.ethtool().setCoalesce("eth0", Map.of(CoalesceParam.USE_ADAPTIVE_RX, adaptive ? 1L : 0L,
                CoalesceParam.RX_USECS, rxUsecs));
        } catch (EthtoolException e) {
            throw new AssertionError(e);
        }
        h.loadNicSettings();
    }

    /** 442-byte frames (xsk_rr's) every {@code gapNs} from {@code fromNs} to {@code toNs}. */
    private static void stream(Simulator sim, SimHost h, long fromNs, long toNs, long gapNs) {
        for (long t = fromNs; t < toNs; t += gapNs) {
            long at = t;
            sim.scheduleAt(at, () -> h.napi.rxArrive(at, 442));
        }
    }

    @Test
    void opening_with_adaptive_rx_on_writes_the_start_profile_and_ethtool_still_reads_the_static_value() throws Exception {
        Simulator sim = new Simulator(1);
        SimHost h = host(sim, IDPF_LIKE);
        h.loadNicSettings();
        assertEquals(8_000, h.napi.moderation().intervalNs(), "idpf_vport_intr_ena_irq_all: rx_itr_profile[1]");
        assertEquals(50, h.kernel.ethtool().getCoalesce("eth0").rxCoalesceUsecs(), "idpf_get_coalesce: rx_itr_value");
    }

    @Test
    void a_stream_of_frames_moves_dim_to_the_highest_moderation_and_the_interrupts_fall() {
        Simulator sim = new Simulator(1);
        SimHost h = host(sim, IDPF_LIKE);
        h.loadNicSettings();
        stream(sim, h, 0, 200_000_000L, 2_000); // 500,000 frames/s
        List<Integer> profiles = new ArrayList<>();
        for (long t = 10_000_000L; t <= 150_000_000L; t += 10_000_000L) {
            sim.runUntil(t);
            profiles.add(h.napi.moderation().dim().dim().profileIx());
        }
        assertEquals(4, h.napi.moderation().dim().dim().profileIx(), "profile index every 10 ms: " + profiles);
        assertEquals(128_000, h.napi.moderation().intervalNs());
        long before = irqs(h);
        sim.runUntil(200_000_000L);
        long last50ms = irqs(h) - before;
        // one interrupt per 128 µs (ITR), where the static rx-usecs 50 would give one per 50 µs
        assertTrue(last50ms <= 50_000_000L / 128_000 + 2 && last50ms >= 50_000_000L / 140_000,
            "interrupts in the last 50 ms: " + last50ms);
    }

    @Test
    void the_same_stream_with_adaptive_rx_off_keeps_the_static_rx_usecs() {
        Simulator sim = new Simulator(1);
        SimHost h = host(sim, IDPF_LIKE);
        ethtoolC(h, false, 50);
        stream(sim, h, 0, 200_000_000L, 2_000);
        sim.runUntil(150_000_000L);
        assertEquals(50_000, h.napi.moderation().intervalNs());
        assertEquals(null, h.napi.moderation().dim(), "no struct dim fed");
        long before = irqs(h);
        sim.runUntil(200_000_000L);
        assertEquals(50_000_000L / 50_000, irqs(h) - before, "one interrupt per 50 µs");
    }

    @Test
    void request_response_ends_on_the_lowest_latency_profiles() {
        Simulator sim = new Simulator(1);
        SimHost[] hosts = SimHost.pair(() -> boot(IDPF_LIKE), sim, RxCosts.load(RxCosts.DEFAULT_PROFILE));
        for (SimHost h : hosts) {
            h.loadNicSettings();
        }
        Samples samples = new Samples();
        NetperfRr rr = new NetperfRr(sim, hosts[0], hosts[1], NetperfRr.Protocol.TCP, 0, 300_000_000L, samples);
        rr.run((done, total) -> { });
        for (SimHost h : hosts) {
            int ix = h.napi.moderation().dim().dim().profileIx();
            assertTrue(ix <= 1, h.name + " ends on profile " + ix + " (2 or 8 µs)");
            assertTrue(h.napi.moderation().dim().profileChanges > 0, h.name + ": DIM ran");
        }
        long[] lat = samples.toArray();
        java.util.Arrays.sort(lat);
        long p50 = lat[lat.length / 2];
        assertTrue(p50 < 60_000, "p50 " + p50 + " ns: no 50 µs wait on either side (static rx-usecs 50 gives 100 µs)");
    }

    @Test
    void ethtool_c_during_a_run_takes_effect() throws Exception {
        Simulator sim = new Simulator(1);
        SimHost h = host(sim, IDPF_LIKE);
        h.loadNicSettings();
        stream(sim, h, 0, 400_000_000L, 2_000);
        sim.runUntil(150_000_000L);
        assertEquals(128_000, h.napi.moderation().intervalNs(), "DIM moved right");

        ethtoolC(h, false, 0); // adaptive-rx off rx-usecs 0: __idpf_set_q_coalesce writes 0 at once
        assertEquals(0, h.napi.moderation().intervalNs());
        long before = irqs(h);
        sim.runUntil(200_000_000L);
        long off = irqs(h) - before;
        assertTrue(off > 10 * (50_000_000L / 128_000), "many more interrupts without moderation: " + off);

        ethtoolC(h, true, 0); // back on: the register keeps 0 until DIM's work writes a profile
        assertEquals(0, h.napi.moderation().intervalNs());
        sim.runUntil(350_000_000L);
        assertEquals(128_000, h.napi.moderation().intervalNs(), "DIM, fed again, moved back to the top");
        assertEquals(0, h.kernel.ethtool().getCoalesce("eth0").rxCoalesceUsecs(), "ethtool -c: the static value");
    }

    @Test
    void bench_tcp_rr_reports_what_dim_chose_and_only_when_it_ran() {
        TinyDriver d = TinyDriver.plain();
        d.ethtoolOps = ItrEthtool::new;
        d.rxDim = IDPF_LIKE;
        io.netmodel.api.bench.BenchResult r = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")),
            HostSpec.defaultHost(), () -> List.of(d), () -> null)
            .tcpRr(new io.netmodel.api.bench.TcpRrRequest(0, 0, 50_000_000L, 1), (a, b) -> { });
        String knob = r.knobs().get("server.eth0.rx_dim");
        assertTrue(knob != null && knob.matches("rx-usecs (2|8) \\(profile [01], DIM_[A-Z_]+\\)"), r.knobs()::toString);
        assertTrue(r.counters().get("client.dim.profile_changes") > 0, r.counters()::toString);

        io.netmodel.api.bench.BenchResult plain = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")),
            HostSpec.defaultHost(), () -> List.of(TinyDriver.plain()), () -> null)
            .tcpRr(new io.netmodel.api.bench.TcpRrRequest(0, 0, 50_000_000L, 1), (a, b) -> { });
        assertTrue(plain.knobs().keySet().stream().noneMatch(k -> k.contains("rx_dim")), plain.knobs()::toString);
        assertTrue(plain.counters().keySet().stream().noneMatch(k -> k.contains(".dim.")), plain.counters()::toString);
    }

    @Test
    void a_driver_without_dim_keeps_its_static_rx_usecs_whatever_adaptive_rx_says() {
        Simulator sim = new Simulator(1);
        SimHost h = host(sim, null);
        h.loadNicSettings();
        stream(sim, h, 0, 200_000_000L, 2_000);
        sim.runUntil(200_000_000L);
        assertEquals(50_000, h.napi.moderation().intervalNs());
        assertEquals(null, h.napi.moderation().dim());
    }
}
