package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.NodeKind;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which files {@code /sys/class/net/<dev>/queues/} holds, with which modes, in which release
 * (kernel-interfaces.md §2.6, §8): {@code rx-N} for every rx queue, {@code tx-N} for every tx
 * queue, {@code byte_queue_limits/} except on lo from 6.9, and the directories vanishing with the
 * device.
 */
class QueueSysfsLayoutTest {
    private static final String ETH0 = "/sys/class/net/eth0/queues/";
    private static final String LO = "/sys/class/net/lo/queues/";

    @Test
    void should_create_one_directory_per_queue_rx_first() throws Exception {
        Host host = Host.with("6.19", TinyDriver.multiqueue(4, 2));
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1", "tx-2", "tx-3"), host.fs.list(ETH0));
        assertEquals(List.of("rx-0", "tx-0"), host.fs.list(LO));
    }

    @Test
    void should_list_the_queue_files_of_6_19() throws Exception {
        Host host = Host.withEth0();
        assertEquals(Set.of("rps_cpus", "rps_flow_cnt"), names(host, ETH0 + "rx-0"));
        assertEquals(Set.of("traffic_class", "tx_maxrate", "tx_timeout", "xps_cpus", "xps_rxqs",
            "byte_queue_limits"), names(host, ETH0 + "tx-0"));
        assertEquals(Set.of("hold_time", "inflight", "limit", "limit_max", "limit_min", "stall_cnt",
            "stall_max", "stall_thrs"), names(host, ETH0 + "tx-0/byte_queue_limits"));
        // as the 6.9 commit message shows it: lo has no byte_queue_limits
        assertEquals(Set.of("traffic_class", "tx_maxrate", "tx_timeout", "xps_cpus", "xps_rxqs"),
            names(host, LO + "tx-0"));
        assertEquals(Set.of("rps_cpus", "rps_flow_cnt"), names(host, LO + "rx-0"));
    }

    @ParameterizedTest(name = "stat eth0/queues/{0}: {1} {2}")
    @CsvSource({
        "'',                                DIRECTORY, 0755",
        "rx-0,                              DIRECTORY, 0755",
        "tx-0,                              DIRECTORY, 0755",
        "tx-0/byte_queue_limits,            DIRECTORY, 0755",
        "rx-0/rps_cpus,                     FILE,      0644",
        "rx-0/rps_flow_cnt,                 FILE,      0644",
        "tx-0/tx_timeout,                   FILE,      0444",
        "tx-0/traffic_class,                FILE,      0444",
        "tx-0/xps_cpus,                     FILE,      0644",
        "tx-0/xps_rxqs,                     FILE,      0644",
        "tx-0/tx_maxrate,                   FILE,      0644",
        "tx-0/byte_queue_limits/limit,      FILE,      0644",
        "tx-0/byte_queue_limits/limit_max,  FILE,      0644",
        "tx-0/byte_queue_limits/limit_min,  FILE,      0644",
        "tx-0/byte_queue_limits/hold_time,  FILE,      0644",
        "tx-0/byte_queue_limits/inflight,   FILE,      0444",
        "tx-0/byte_queue_limits/stall_thrs, FILE,      0644",
        "tx-0/byte_queue_limits/stall_cnt,  FILE,      0444",
        "tx-0/byte_queue_limits/stall_max,  FILE,      0644",
    })
    void should_give_sysfs_modes_and_sizes(String rel, NodeKind kind, String mode) throws Exception {
        NodeStat st = Host.withEth0().fs.stat(ETH0 + rel);
        assertEquals(kind, st.kind());
        assertEquals(Integer.parseInt(mode, 8), st.mode(), "mode of " + rel);
        assertEquals(kind == NodeKind.FILE ? 4096 : 0, st.size());
        assertEquals(0, st.uid());
    }

    @ParameterizedTest(name = "{0}: {1} present = {2}")
    @CsvSource({
        "3.11, tx-0/tx_timeout,                   true",
        "3.11, tx-0/xps_cpus,                     true",
        "3.11, rx-0/rps_cpus,                     true",
        "3.11, tx-0/byte_queue_limits/limit,      true",
        "4.0,  tx-0/tx_maxrate,                   false",
        "4.1,  tx-0/tx_maxrate,                   true",
        "4.9,  tx-0/traffic_class,                false",
        "4.10, tx-0/traffic_class,                true",
        "4.17, tx-0/xps_rxqs,                     false",
        "4.18, tx-0/xps_rxqs,                     true",
        "6.8,  tx-0/byte_queue_limits/stall_thrs, false",
        "6.8,  tx-0/byte_queue_limits/stall_cnt,  false",
        "6.8,  tx-0/byte_queue_limits/stall_max,  false",
        "6.9,  tx-0/byte_queue_limits/stall_thrs, true",
        "6.9,  tx-0/byte_queue_limits/stall_cnt,  true",
        "6.9,  tx-0/byte_queue_limits/stall_max,  true",
    })
    void should_create_each_file_from_its_release(String version, String rel, boolean present) {
        Host host = Host.with(version, TinyDriver.plain());
        assertEquals(present, host.exists(ETH0 + rel), "eth0/queues/" + rel + " on " + version);
    }

    @ParameterizedTest(name = "{0}: lo/queues/tx-0/byte_queue_limits present = {1}")
    @CsvSource({"3.11, true", "4.4, true", "6.8, true", "6.9, false", "6.19, false"})
    void should_drop_bql_on_lo_from_6_9(String version, boolean present) {
        Host host = Host.bare(version);
        assertEquals(present, host.exists(LO + "tx-0/byte_queue_limits"));
        assertTrue(host.exists(LO + "tx-0/tx_timeout"));
    }

    @Test
    void should_remove_the_queues_with_the_device_and_bring_fresh_ones_back() throws Exception {
        TinyDriver driver = TinyDriver.plain();
        Host host = Host.with("6.19", driver);
        host.write(ETH0 + "rx-0/rps_cpus", "2");
        host.kernel.modules().driverGone(driver);
        assertFalse(host.exists("/sys/devices/pci0000:00/0000:00:03.0/virtio0/net/eth0/queues"));

        host.kernel.modules().driverAppeared(TinyDriver.plain());
        assertEquals("0\n", host.read(ETH0 + "rx-0/rps_cpus"), "a new netdev starts without RPS");
    }

    @Test
    void should_hand_the_model_one_queue_object_per_queue() {
        Host host = Host.with("6.19", TinyDriver.multiqueue(3, 2));
        NetDeviceImpl eth0 = host.kernel.netdevs().byName("eth0");
        assertEquals(2, eth0.rxQueues().size());
        assertEquals(3, eth0.txQueues().size());
        assertEquals(1, eth0.rxQueues().get(1).index());
        assertEquals(eth0, eth0.txQueues().get(2).dev());
        assertTrue(eth0.isMultiqueue());
        assertFalse(host.kernel.netdevs().byName("lo").isMultiqueue());
    }

    private static Set<String> names(Host host, String dir) throws Exception {
        return new TreeSet<>(host.fs.list(dir));
    }
}
