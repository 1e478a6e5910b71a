package io.netmodel.drivers.ixgbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ethtool -L combined N} on ixgbe: {@code ixgbe_setup_tc} closes the device, clears and
 * re-inits the interrupt scheme and opens it again, so the q_vectors' NAPIs (plain
 * {@code netif_napi_add}) come back with new ids, MSI-X vectors and IRQs follow the new count, and a
 * {@code napi-set} value does not survive.
 */
class IxgbeChannelsTest {

    @Test
    void ethtool_L_rebuilds_q_vectors_with_new_napi_ids_and_irqs() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0-TxRx-2", "eth0-TxRx-3", "eth0"), host.irqNames());
        host.kernel().netdevFamily().doit("napi-set", DriverHost.attrs("id", 257, "defer-hard-irqs", 50));
        host.setChannels(ChannelParam.COMBINED, 2);
        assertEquals(List.of(261, 262), host.napiIds("eth0"));
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0"), host.irqNames(), "3 MSI-X vectors now");
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1"), host.list("/sys/class/net/eth0/queues"));
        assertEquals(0L, host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 261)).get("defer-hard-irqs"));
        assertEquals(2, host.kernel().ethtool().getChannels("eth0").combinedCount());
        assertEquals(true, host.dmesg().stream().anyMatch(l -> l.endsWith("Multiqueue Enabled: Rx Queue count = 2, "
            + "Tx Queue count = 2 XDP Queue count = 0")), host.dmesg().toString());
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals(List.of(263, 264, 265, 266), host.napiIds("eth0"));
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0-TxRx-2", "eth0-TxRx-3", "eth0"), host.irqNames());
    }

    @Test
    void ids_are_new_on_4_4_too_where_the_driver_hashes_them() throws Exception {
        DriverHost host = DriverHost.boot("4.4", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals(List.of(1, 2), host.napiIds("eth0"));
        host.setChannels(ChannelParam.COMBINED, 1);
        assertEquals(List.of(3), host.napiIds("eth0"));
    }

    @Test
    void rmmod_after_a_rebuild_leaves_nothing_and_modprobe_starts_afresh() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "ixgbe");
        IxgbeDriver first = new IxgbeDriver();
        host.load(first);
        host.setChannels(ChannelParam.COMBINED, 1);
        host.unload(first);
        assertEquals(List.of("lo"), host.netdevNames());
        assertEquals(List.of(), host.irqNames());
        host.load(new IxgbeDriver());
        assertEquals(List.of(260, 261), host.napiIds("eth0"));
        assertEquals(List.of("eth0-TxRx-0", "eth0-TxRx-1", "eth0"), host.irqNames());
    }
}
