package io.netmodel.drivers.mlx4_en;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * mlx4_en's port restart on {@code ethtool -L}/{@code -G} ({@code mlx4_en_set_channels},
 * {@code mlx4_en_set_ringparam}): the RX CQs' NAPIs are deleted and added again, with their
 * persistent config from 6.13 ("mlx4: Add support for persistent NAPI config to RX CQs").
 */
class Mlx4NapiConfigTest {

    private static DriverHost host(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 4, "mlx4_en");
        host.load(new Mlx4EnDriver());
        return host;
    }

    @Test
    void ethtool_L_keeps_the_ring_napi_ids_from_6_13() throws Exception {
        DriverHost host = host("6.13");
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        host.setChannels(ChannelParam.RX, 2);
        assertEquals(List.of(257, 258), host.napiIds("eth0"));
        assertEquals(List.of("rx-0", "rx-1"), host.list("/sys/class/net/eth0/queues").stream()
            .filter(q -> q.startsWith("rx-")).toList(), "netif_set_real_num_rx_queues");
        host.setChannels(ChannelParam.RX, 8);
        assertEquals(List.of(257, 258, 259, 260, 261, 262, 263, 264), host.napiIds("eth0"),
            "rings 0-3 get their ids back; 4-7 are new and keep theirs from now on");
        assertTrue(host.dmesg().contains("mlx4_en 0000:00:03.0: Port 1: Using 8 RX rings"), host.dmesg().toString());
    }

    @Test
    void ethtool_L_renumbers_before_6_13() throws Exception {
        DriverHost host = host("6.12");
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        host.setChannels(ChannelParam.RX, 2);
        assertEquals(List.of(261, 262), host.napiIds("eth0"));
        host.setChannels(ChannelParam.RX, 4);
        assertEquals(List.of(263, 264, 265, 266), host.napiIds("eth0"));
    }

    @Test
    void ethtool_G_restarts_the_port_only_when_the_sizes_change() throws Exception {
        DriverHost old = host("6.12");
        old.kernel().ethtool().setRingparam("eth0", Map.of(RingSize.RX, 1000L)); // rounded up to 1024, the default
        assertEquals(List.of(257, 258, 259, 260), old.napiIds("eth0"), "same sizes after rounding: no restart");
        old.kernel().ethtool().setRingparam("eth0", Map.of(RingSize.RX, 4096L));
        assertEquals(List.of(261, 262, 263, 264), old.napiIds("eth0"));
        DriverHost host = host("6.18");
        host.kernel().ethtool().setRingparam("eth0", Map.of(RingSize.RX, 4096L));
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
    }

    @Test
    void napi_set_defer_hard_irqs_survives_ethtool_L() throws Exception {
        DriverHost host = host("6.18");
        host.kernel().netdevFamily().doit("napi-set", DriverHost.attrs("id", 258, "defer-hard-irqs", 100, "gro-flush-timeout", 200000));
        host.setChannels(ChannelParam.RX, 1);
        host.setChannels(ChannelParam.RX, 4);
        Map<String, Object> napi = host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 258));
        assertEquals(100L, napi.get("defer-hard-irqs"));
        assertEquals(200000L, napi.get("gro-flush-timeout"));
        assertEquals(0L, host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 257)).get("defer-hard-irqs"));
    }

    @Test
    void threaded_kthreads_and_irqs_after_a_restart() throws Exception {
        DriverHost host = host("6.18");
        List<String> irqs = host.irqNames();
        io.netmodel.api.vfs.OpenFile f = host.kernel().fs().open("/sys/class/net/eth0/threaded", true,
            io.netmodel.api.vfs.Caller.ROOT);
        f.write("1\n".getBytes(), 0);
        f.release();
        List<Integer> pids = napiThreadPids(host);
        host.setChannels(ChannelParam.RX, 2);
        // netif_napi_add creates the kthread of a threaded device's new NAPI, named "napi/%s-%d" with
        // napi->napi_id (napi_kthread_create); from 6.13 the id only comes at napi_enable, after it
        assertEquals(List.of("napi/eth0-0", "napi/eth0-0"), napiThreadNames(host));
        assertTrue(Collections.min(napiThreadPids(host)) > Collections.max(pids), "new kthreads");
        assertEquals(irqs, host.irqNames(), "mlx4_core keeps its EQs' IRQs");
    }

    @Test
    void modprobe_after_rmmod_gives_fresh_ids() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "mlx4_en");
        Mlx4EnDriver first = new Mlx4EnDriver();
        host.load(first);
        host.setChannels(ChannelParam.RX, 2);
        host.unload(first);
        host.load(new Mlx4EnDriver());
        assertEquals(List.of(261, 262, 263, 264), host.napiIds("eth0"));
    }

    private static List<String> napiThreadNames(DriverHost host) {
        List<String> names = new ArrayList<>();
        host.kernel().tasks().tasks().forEach(t -> {
            if (t.comm().startsWith("napi/")) {
                names.add(t.comm());
            }
        });
        return names;
    }

    private static List<Integer> napiThreadPids(DriverHost host) {
        List<Integer> pids = new ArrayList<>();
        host.kernel().tasks().tasks().forEach(t -> {
            if (t.comm().startsWith("napi/")) {
                pids.add(t.pid());
            }
        });
        return pids;
    }
}
