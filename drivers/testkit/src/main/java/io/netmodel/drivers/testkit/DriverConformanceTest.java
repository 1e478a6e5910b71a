package io.netmodel.drivers.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netmodel.api.driver.NetDriver;
import io.netmodel.net.NapiHash;
import io.netmodel.net.NapiImpl;
import io.netmodel.net.NetDeviceImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every driver model must do, whatever its hardware (the way netdevsim is what the
 * kernel's selftests target). A driver module adds a five-line subclass:
 *
 * <pre>{@code
 * class E1000ConformanceTest extends DriverConformanceTest {
 *     protected NetDriver driver() { return new E1000Driver(); }
 *     protected String nic() { return "e1000"; }
 * }
 * }</pre>
 *
 * <p>Each test boots a host with one NIC of {@link #nic()} and 2 CPUs, loads a fresh
 * {@link #driver()} as {@code modprobe} does, and checks: the device is bound and a netdev
 * registered with its files; {@code rmmod} leaves no netdev, IRQ row, hashed NAPI or
 * {@code /sys/module} entry; NAPI ids agree with the NAPI hash and with busy polling's rules
 * per release; IRQ names follow a kernel convention ({@link IrqNames}); 100 unload/load
 * cycles leave the same tree; 100 down/up cycles give back what the driver's {@code ndo_stop}
 * released and leak nothing.
 */
public abstract class DriverConformanceTest {
    /** Cycles for {@link #should_leave_the_same_tree_after_100_rmmod_modprobe_cycles()}. */
    protected static final int CYCLES = 100;

    /** A new instance of the driver under test (one per load, as a bundle start makes one). */
    protected abstract NetDriver driver();

    /** The {@code --nic} name of hardware the driver binds ({@code NicModel}). */
    protected abstract String nic();

    /** The netdev name the first device gets; {@code eth0} unless the driver names its own. */
    protected String ifname() {
        return "eth0";
    }

    /**
     * Whether the driver exists in {@code version} (a driver added in 6.7 has nothing to bind on
     * 4.4); the release-specific tests are skipped where it does not. Every driver exists in 6.18.
     */
    protected boolean existsIn(String version) {
        return true;
    }

    /**
     * Whether the driver has {@code netdev_stat_ops} (netlink {@code qstats-get}) in
     * {@code version}; none by default.
     */
    protected boolean hasQueueStatsIn(String version) {
        return false;
    }

    private DriverHost boot(String version) {
        return DriverHost.boot(version, 2, nic());
    }

    @Test
    void should_bind_the_matching_device_and_register_a_netdev() throws Exception {
        DriverHost host = boot("6.18");
        NetDriver driver = driver();
        host.load(driver);
        assertEquals(List.of("lo", ifname()), host.netdevNames(), "one netdev for the one device");
        NetDeviceImpl dev = host.netdev(ifname());
        String sys = "/sys/class/net/" + ifname();
        assertEquals(dev.ifindex() + "\n", host.read(sys + "/ifindex"));
        assertTrue(host.exists(sys + "/address"), sys + "/address");
        assertTrue(host.exists(sys + "/queues/rx-0"), sys + "/queues/rx-0");
        assertTrue(host.exists("/sys/module/" + driver.name()), "/sys/module/" + driver.name());
        assertTrue(host.read("/proc/modules").startsWith(driver.name() + " "), "/proc/modules lists it");
        assertFalse(host.irqRows().isEmpty(), "a bound NIC requests at least one IRQ");
    }

    @Test
    void should_unbind_cleanly() throws Exception {
        DriverHost host = boot("6.18");
        TreeMap<String, String> before = host.snapshot();
        NetDriver driver = driver();
        host.load(driver);
        List<Integer> ids = host.napiIds(ifname());
        host.unload(driver);
        assertEquals(List.of("lo"), host.netdevNames());
        assertEquals(List.of(), host.irqRows());
        assertFalse(host.exists("/sys/module/" + driver.name()), "/sys/module/" + driver.name() + " left");
        assertFalse(host.read("/proc/modules").contains(driver.name()), "/proc/modules still lists it");
        for (int id : ids) {
            assertNull(hash(host).byId(id), "napi_hash_del for id " + id);
        }
        assertEquals(before, host.snapshot(), "the tree before modprobe");
    }

    /**
     * napi_id 0 ⇔ not in the NAPI hash, and busy polling can start only where table (a) says:
     * 4.4 needs the driver's own {@code napi_hash_add} with its {@code ndo_busy_poll} (one
     * without the other is useless), 4.5+ hashes every NAPI in {@code netif_napi_add}, and
     * from 4.11 {@code ndo_busy_poll} is gone.
     */
    /**
     * {@code qstats-get}: a driver without {@code stat_ops} is refused by ifindex (EOPNOTSUPP) and
     * absent from the dump; one with them reports each active RX ring's counters as the model
     * keeps them, and a device total that is their sum (the model's drivers report base 0).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"6.9", "6.10", "6.11", "6.19"})
    void should_report_queue_stats_from_the_rings_or_refuse_them(String version) throws Exception {
        assumeTrue(existsIn(version), driver().name() + " is not in " + version);
        DriverHost host = boot(version);
        host.load(driver());
        NetDeviceImpl dev = host.netdev(ifname());
        assertEquals(hasQueueStatsIn(version), dev.statOps() != null, "stat_ops in " + version);
        var family = host.kernel().netdevFamily();
        long sum = 0;
        for (int q = 0; q < dev.realNumRxQueues(); q++) {
            dev.rxQueue(q).packets = 100 + q;
            dev.rxQueue(q).bytes = 6400 + 64 * q;
            sum += 100 + q;
        }
        var queues = family.dumpit("qstats-get", DriverHost.attrs("scope", 1));
        var totals = family.dumpit("qstats-get", DriverHost.attrs());
        if (!hasQueueStatsIn(version)) {
            assertTrue(queues.isEmpty() && totals.isEmpty(), "no message for a device without stat_ops");
            if (version.equals("6.9")) {
                return; // no ifindex in the 6.9 policy
            }
            var e = org.junit.jupiter.api.Assertions.assertThrows(io.netmodel.api.netlink.NetlinkException.class,
                () -> family.dumpit("qstats-get", DriverHost.attrs("ifindex", dev.ifindex())));
            assertEquals(io.netmodel.api.vfs.Errno.EOPNOTSUPP, e.errno());
            return;
        }
        int rx = 0;
        for (var m : queues) {
            if ((Long) m.get("queue-type") == 0) {
                int q = ((Long) m.get("queue-id")).intValue();
                assertEquals(100L + q, m.get("rx-packets"), "rx-" + q);
                assertEquals(6400L + 64 * q, m.get("rx-bytes"), "rx-" + q);
                rx++;
            }
        }
        assertEquals(dev.realNumRxQueues(), rx, "every active RX queue");
        assertEquals(1, totals.size());
        assertEquals(sum, totals.get(0).get("rx-packets"), "the device total is the sum of its queues");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4.4", "4.5", "6.18"})
    void should_have_napi_ids_consistent_with_busy_poll(String version) throws Exception {
        assumeTrue(existsIn(version), driver().name() + " is not in " + version);
        DriverHost host = boot(version);
        host.load(driver());
        List<NapiImpl> napis = host.netdev(ifname()).napis();
        assertFalse(napis.isEmpty(), "a NIC driver adds at least one NAPI");
        boolean busyPoll = host.hasNdoBusyPoll(ifname());
        for (NapiImpl napi : napis) {
            if (napi.napiId() == 0) {
                assertNull(hash(host).byId(0), "id 0 is never hashed");
            } else {
                assertSame(napi, hash(host).byId(napi.napiId()), "napi_by_id(" + napi.napiId() + ")");
            }
            switch (version) {
                case "4.4" -> assertEquals(busyPoll, napi.napiId() != 0,
                    "4.4: napi_hash_add and ndo_busy_poll go together (ndo_busy_poll " + busyPoll + ")");
                case "4.5" -> assertNotEquals(0, napi.napiId(), "4.5: netif_napi_add hashes");
                default -> assertTrue(napi.napiId() > NapiHash.NR_CPUS, "4.12+: ids above NR_CPUS");
            }
        }
        if (version.equals("6.18")) {
            assertFalse(busyPoll, "ndo_busy_poll was removed in 4.11");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.13", "4.4", "6.18"})
    void should_name_irqs_after_a_kernel_convention(String version) throws Exception {
        assumeTrue(existsIn(version), driver().name() + " is not in " + version);
        DriverHost host = boot(version);
        host.load(driver());
        List<String> bad = new ArrayList<>();
        for (String shared : host.irqNames()) {
            for (String name : shared.split(", ")) {
                if (!IrqNames.conventional(name)) {
                    bad.add(name);
                }
            }
        }
        assertEquals(List.of(), bad, "IRQ names matching none of " + IrqNames.CONVENTIONS);
    }

    /**
     * {@code ip link set dev down/up}, {@value #CYCLES} times, half through rtnetlink and half
     * through the sysfs {@code flags} file: while down no NAPI is enabled, netlink shows none of the
     * device's NAPIs or queues ({@code netdev_nl_napi_dump_one}, {@code netdev_nl_queue_fill} skip a
     * device that is not up) and the IRQ lines are a subset of those while up (what the driver's
     * {@code ndo_stop} freed); every up brings back the same IRQ lines and as many NAPIs, all enabled
     * and hashed. Nothing leaks: the NAPI hash holds only the device's NAPIs, and rmmod afterwards
     * leaves the tree it found.
     */
    @Test
    void should_release_and_retake_the_same_resources_over_100_down_up_cycles() throws Exception {
        DriverHost host = boot("6.18");
        TreeMap<String, String> before = host.snapshot();
        NetDriver driver = driver();
        host.load(driver);
        List<String> irqsUp = host.irqRows();
        int napisUp = host.netdev(ifname()).napis().size();
        int ifindex = host.netdev(ifname()).ifindex();
        for (int i = 0; i < CYCLES; i++) {
            if (i % 2 == 0) {
                host.setUp(ifname(), false);
            } else {
                host.write("/sys/class/net/" + ifname() + "/flags", "0x1002");
            }
            assertEquals(List.of(), host.enabledNapis(ifname()), "down (cycle " + i + "): every NAPI disabled");
            assertTrue(irqsUp.containsAll(host.irqRows()), "down (cycle " + i + "): only lines that were there");
            assertEquals(List.of(), host.kernel().netdevFamily().dumpit("napi-get", DriverHost.attrs("ifindex", ifindex)),
                "napi-get dumps nothing for a device that is down");
            assertEquals(List.of(), host.kernel().netdevFamily().dumpit("queue-get", DriverHost.attrs("ifindex", ifindex)),
                "queue-get dumps nothing for a device that is down");
            if (i % 2 == 0) {
                host.setUp(ifname(), true);
            } else {
                host.write("/sys/class/net/" + ifname() + "/flags", "0x1003");
            }
            assertEquals(irqsUp, host.irqRows(), "up (cycle " + i + "): the same IRQ lines");
            List<NapiImpl> napis = host.netdev(ifname()).napis();
            assertEquals(napisUp, napis.size(), "up (cycle " + i + "): as many NAPIs");
            assertEquals(napis, host.enabledNapis(ifname()), "up (cycle " + i + "): every NAPI enabled");
            for (NapiImpl napi : napis) {
                assertSame(napi, hash(host).byId(napi.napiId()), "napi_by_id(" + napi.napiId() + ")");
            }
        }
        assertEquals(napisUp, hash(host).size(), "the hash holds the device's NAPIs and nothing else");
        host.unload(driver);
        assertEquals(before, host.snapshot(), "rmmod after the cycles leaves the tree before modprobe");
    }

    @Test
    void should_leave_the_same_tree_after_100_rmmod_modprobe_cycles() throws Exception {
        boot("6.18").assertReloadsTheSame(this::driver, CYCLES);
    }

    private static NapiHash hash(DriverHost host) {
        return host.kernel().netdevs().napiHash();
    }
}
