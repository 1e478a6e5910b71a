package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.testkit.ConfigNapiDriver;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.RssTableOps;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An rx queue's RPS state follows its kobject: {@code rx_queue_release} frees the map and the
 * flow table when {@code ethtool -L} takes the queue away, and from 6.3 {@code rx_queue_add_kobject}
 * gives a queue that (re)appears {@code net.core.rps_default_mask} as its map.
 */
class RxQueueKobjectTest {
    private static final String QUEUES = "/sys/class/net/eth0/queues/";

    private static Host host(String version) {
        ConfigNapiDriver cfg = new ConfigNapiDriver(4, false);
        Host h = Host.with(version, 2, 4, cfg);
        cfg.dev.setEthtoolOps(new RssTableOps(cfg, 4, 4, 128));
        return h;
    }

    private static void channels(Host h, long combined) throws Exception {
        h.kernel.ethtool().setChannels("eth0", Map.of(ChannelParam.COMBINED, combined));
    }

    @Test
    void a_queue_taken_away_and_back_has_lost_its_rps_map_and_flow_table() throws Exception {
        Host h = host("6.19");
        h.write(QUEUES + "rx-3/rps_cpus", "2");
        h.write(QUEUES + "rx-3/rps_flow_cnt", "100");
        h.write(QUEUES + "rx-0/rps_cpus", "1");
        channels(h, 2);
        channels(h, 4);
        assertEquals("0\n", h.read(QUEUES + "rx-3/rps_cpus"));
        assertEquals("0\n", h.read(QUEUES + "rx-3/rps_flow_cnt"));
        assertEquals("1\n", h.read(QUEUES + "rx-0/rps_cpus"), "a queue that stayed keeps its map");
    }

    @Test
    void from_6_3_a_new_queue_starts_with_rps_default_mask() throws Exception {
        Host h = host("6.19");
        channels(h, 1);
        h.write("/proc/sys/net/core/rps_default_mask", "2");
        channels(h, 3);
        assertEquals("2\n", h.read(QUEUES + "rx-1/rps_cpus"));
        assertEquals("2\n", h.read(QUEUES + "rx-2/rps_cpus"));
        assertEquals("0\n", h.read(QUEUES + "rx-0/rps_cpus"), "queues that existed are not touched");
        assertEquals(1, h.kernel.netdevs().byName("eth0").rxQueues().get(1).rpsMapCpu(0), "the receive path steers by it");

        Host old = host("6.2");
        channels(old, 1);
        channels(old, 3);
        assertEquals("0\n", old.read(QUEUES + "rx-1/rps_cpus"), "no default mask before 6.3");
    }
}
