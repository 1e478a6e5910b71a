package io.netmodel.drivers.igb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ethtool -L combined N} on igb ({@code igb_reinit_queues}): q_vectors, their NAPIs, MSI-X
 * vectors and IRQs are rebuilt for the new count; the NAPI ids are new until igb adds its NAPIs with
 * their persistent config ({@link IgbHistory#NAPI_CONFIG}), and kept after.
 */
class IgbChannelsTest {

    private static DriverHost host(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 4, "igb");
        host.load(new IgbDriver());
        return host;
    }

    @Test
    void ids_are_renumbered_before_6_16() throws Exception {
        DriverHost host = host("6.15");
        assertEquals(List.of(257, 258, 259, 260, 261, 262, 263, 264), host.napiIds("eth0"), "4 of 8 queues: rx and tx apart");
        host.setChannels(ChannelParam.COMBINED, 2);
        assertEquals(List.of(265, 266, 267, 268), host.napiIds("eth0"));
        assertEquals(List.of("eth0", "eth0-rx-0", "eth0-rx-1", "eth0-tx-0", "eth0-tx-1"), host.irqNames());
        assertEquals(List.of("rx-0", "rx-1", "tx-0", "tx-1"), host.list("/sys/class/net/eth0/queues"));
    }

    @Test
    void ids_and_napi_set_values_are_kept_from_6_16() throws Exception {
        DriverHost host = host("6.18");
        host.kernel().netdevFamily().doit("napi-set", DriverHost.attrs("id", 258, "defer-hard-irqs", 10));
        host.setChannels(ChannelParam.COMBINED, 1);
        assertEquals(List.of(257, 258), host.napiIds("eth0"), "q_vectors 0 (rx) and 1 (tx) take entries 0 and 1");
        assertEquals(List.of("eth0", "eth0-rx-0", "eth0-tx-0"), host.irqNames());
        assertEquals(10L, host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 258)).get("defer-hard-irqs"));
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals(List.of(257, 258, 259, 260, 261, 262, 263, 264), host.napiIds("eth0"));
        assertEquals(10L, host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 258)).get("defer-hard-irqs"));
    }

    @Test
    void rmmod_and_modprobe_give_fresh_ids() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "igb");
        IgbDriver first = new IgbDriver();
        host.load(first);
        host.setChannels(ChannelParam.COMBINED, 2);
        host.unload(first);
        assertEquals(List.of(), host.irqNames());
        host.load(new IgbDriver());
        assertEquals(List.of(265, 266, 267, 268, 269, 270, 271, 272), host.napiIds("eth0"));
    }
}
