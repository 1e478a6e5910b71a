package io.netmodel.drivers.ixgbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import org.junit.jupiter.api.Test;

/**
 * ixgbe's queue vectors with Flow Director's hashing (more than one RSS queue): each gets the
 * v-th CPU as {@code affinity_hint} ({@code ixgbe_request_msix_irqs}); from 5.17
 * ({@code irq_update_affinity_hint}) the affinity stays all CPUs, before
 * ({@code irq_set_affinity_hint}) it follows the hint. The "other" vector gets none, and one RSS
 * queue means no Flow Director and no hint.
 */
class IxgbeAffinityHintTest {
    private static String irq(DriverHost host, int n, String file) throws Exception {
        return host.read("/proc/irq/" + n + "/" + file);
    }

    @Test
    void from_5_17_the_hint_is_only_a_hint() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals("1\n", irq(host, 24, "affinity_hint"), "eth0-TxRx-0");
        assertEquals("2\n", irq(host, 25, "affinity_hint"), "eth0-TxRx-1");
        assertEquals("0\n", irq(host, 26, "affinity_hint"), "eth0 (other)");
        assertEquals("3\n", irq(host, 25, "smp_affinity"));
    }

    @Test
    void before_5_17_the_hint_sets_the_affinity_too() throws Exception {
        DriverHost host = DriverHost.boot("4.4", 2, "ixgbe");
        host.load(new IxgbeDriver());
        assertEquals("2\n", irq(host, 25, "affinity_hint"));
        assertEquals("2\n", irq(host, 25, "smp_affinity"));
        assertEquals("1\n", irq(host, 24, "smp_affinity"));
        assertEquals("3\n", irq(host, 26, "smp_affinity"), "the other vector keeps the default");
    }

    @Test
    void one_rss_queue_has_no_flow_director_and_no_hint() throws Exception {
        DriverHost host = DriverHost.boot("4.4", 2, "ixgbe");
        host.load(new IxgbeDriver());
        host.setChannels(ChannelParam.COMBINED, 1);
        assertEquals("0\n", irq(host, 24, "affinity_hint"));
        assertEquals("3\n", irq(host, 24, "smp_affinity"));
    }

    @Test
    void four_vectors_on_four_cpus_each_get_their_own() throws Exception {
        DriverHost host = DriverHost.boot("6.18", 4, "ixgbe", 4);
        host.load(new IxgbeDriver());
        assertEquals("8\n", irq(host, 27, "affinity_hint"), "eth0-TxRx-3 on CPU 3");
    }
}
