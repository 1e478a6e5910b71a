package io.netmodel.drivers.idpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.netdev.RxDim;
import io.netmodel.drivers.testkit.DriverHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * idpf's adaptive RX moderation is the kernel's DIM ({@code idpf_net_dim}): the netdev says so
 * with idpf's own ITR table ({@code rx_itr[]} of {@code idpf_vport_init}), EQE mode and start
 * index {@code IDPF_DIM_DEFAULT_PROFILE_IX} ({@code idpf_init_dim}), and the staleness restart of
 * {@code idpf_update_dim_sample}; adaptive-rx is on by default.
 */
class IdpfDimTest {
    @Test
    void the_netdev_declares_idpf_dim_with_its_rx_itr_profile() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "idpf");
        host.load(new IdpfDriver());
        RxDim dim = host.netdev("eth0").rxDim();
        assertEquals(RxDim.CqPeriodMode.START_FROM_EQE, dim.mode());
        assertEquals(List.of(new RxDim.CqModer(2, 0), new RxDim.CqModer(8, 0), new RxDim.CqModer(32, 0),
            new RxDim.CqModer(96, 0), new RxDim.CqModer(128, 0)), dim.profile());
        assertEquals(1, dim.profileIx());
        assertTrue(dim.restartWhenStale());
        assertTrue(host.netdev("eth0").ethtoolOps().getCoalesce().useAdaptiveRxCoalesce(), "DIM runs by default");
    }
}
