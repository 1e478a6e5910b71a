package io.netmodel.drivers.idpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.api.ethtool.RingSize;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * idpf's soft reset on {@code ethtool -L}/{@code -G} ({@code idpf_initiate_soft_reset}: vport
 * stop, real queue counts, vport open): the q_vector NAPIs are deleted and added again and the
 * queue IRQs freed and requested again; from {@link IdpfHistory#NAPI_CONFIG} the NAPIs keep their
 * ids and per-NAPI settings.
 */
class IdpfNapiConfigTest {

    private static DriverHost host(String version) throws Exception {
        DriverHost host = DriverHost.boot(version, 4, "idpf");
        host.load(new IdpfDriver());
        return host;
    }

    @Test
    void ethtool_L_keeps_ids_and_links_queues_to_them_on_6_18() throws Exception {
        DriverHost host = host("6.18");
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        List<String> irqs = host.irqNames();
        host.kernel().netdevFamily().doit("napi-set", DriverHost.attrs("id", 258, "defer-hard-irqs", 100));
        host.setChannels(ChannelParam.COMBINED, 2);
        assertEquals(List.of(257, 258), host.napiIds("eth0"));
        assertEquals(List.of("idpf-Mailbox-0", "idpf-eth0-TxRx-1", "idpf-eth0-TxRx-2"), host.irqNames(),
            "queue IRQs freed (idpf_vport_intr_rel_irq) and requested again");
        assertEquals(258L, host.kernel().netdevFamily().doit("queue-get", DriverHost.attrs("ifindex", 2, "id", 1, "type", 0))
            .get("napi-id"));
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        assertEquals(irqs, host.irqNames());
        assertEquals(100L, host.kernel().netdevFamily().doit("napi-get", DriverHost.attrs("id", 258)).get("defer-hard-irqs"));
        assertEquals(260L, host.kernel().netdevFamily().doit("queue-get", DriverHost.attrs("ifindex", 2, "id", 3, "type", 1))
            .get("napi-id"));
    }

    @Test
    void a_soft_reset_renumbers_before_the_config() throws Exception {
        DriverHost host = host("6.14");
        assertEquals(List.of(257, 258, 259, 260), host.napiIds("eth0"));
        host.setChannels(ChannelParam.COMBINED, 2);
        assertEquals(List.of(261, 262), host.napiIds("eth0"));
        host.kernel().ethtool().setRingparam("eth0", Map.of(RingSize.RX, 1024L));
        assertEquals(List.of(263, 264), host.napiIds("eth0"), "-G soft-resets the vport too");
        assertFalse(host.kernel().netdevFamily().doit("queue-get", DriverHost.attrs("ifindex", 2, "id", 0, "type", 0))
            .containsKey("napi-id"), "no queue links before QUEUE_NAPI_MAP");
    }

    @Test
    void rmmod_and_modprobe_give_fresh_ids() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "idpf");
        IdpfDriver first = new IdpfDriver();
        host.load(first);
        host.setChannels(ChannelParam.COMBINED, 1);
        host.unload(first);
        host.load(new IdpfDriver());
        assertEquals(List.of(261, 262, 263, 264), host.napiIds("eth0"));
    }
}
