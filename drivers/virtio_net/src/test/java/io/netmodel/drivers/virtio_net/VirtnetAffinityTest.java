package io.netmodel.drivers.virtio_net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.ethtool.ChannelParam;
import io.netmodel.drivers.testkit.DriverHost;
import org.junit.jupiter.api.Test;

/**
 * {@code virtnet_set_affinity}: each queue pair's input and output vectors get their share of the
 * CPUs as affinity and hint, at probe, after {@code ethtool -L} and as CPUs go down and come up.
 * A 2-CPU guest with one pair shows {@code affinity_hint} 3, as this 6.18 host's virtio2-input.0
 * does, and its input IRQ goes to CPU 0 while CPU 1 is offline and back to 0-1 after, as it did
 * there.
 */
class VirtnetAffinityTest {
    /** Vectors: 24 config, then input.q and output.q from 25. */
    private static String irq(DriverHost host, int number, String file) throws Exception {
        return host.read("/proc/irq/" + number + "/" + file).trim();
    }

    @Test
    void one_pair_gets_every_cpu_as_its_hint() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 2, "virtio_net");
        host.load(new VirtioNetDriver());
        assertEquals("3", irq(host, 25, "affinity_hint"));
        assertEquals("3", irq(host, 26, "affinity_hint"));
        assertEquals("0-1", irq(host, 25, "smp_affinity_list"));
        assertEquals("0", irq(host, 24, "affinity_hint"), "the config vector has none");
    }

    @Test
    void pairs_share_out_the_cpus_and_ethtool_L_deals_them_again() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 4, "virtio_net", 2);
        host.load(new VirtioNetDriver());
        // 4 CPUs, 2 pairs: two CPUs each
        assertEquals("0-1", irq(host, 25, "smp_affinity_list"));
        assertEquals("3", irq(host, 26, "affinity_hint"));
        assertEquals("2-3", irq(host, 27, "smp_affinity_list"));
        assertEquals("c", irq(host, 28, "affinity_hint"));
        assertEquals("2", irq(host, 27, "effective_affinity_list"));
        host.setChannels(ChannelParam.COMBINED, 1);
        assertEquals("0-3", irq(host, 25, "smp_affinity_list"));
        assertEquals("f", irq(host, 25, "affinity_hint"));
        assertEquals("2-3", irq(host, 27, "smp_affinity_list"), "a pair no longer in use keeps its mask");
    }

    @Test
    void more_pairs_than_cpus_wrap_one_cpu_each() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 2, "virtio_net", 4);
        host.load(new VirtioNetDriver());
        host.setChannels(ChannelParam.COMBINED, 4);
        assertEquals("0", irq(host, 25, "smp_affinity_list"));
        assertEquals("1", irq(host, 27, "smp_affinity_list"));
        assertEquals("0", irq(host, 29, "smp_affinity_list"));
        assertEquals("1", irq(host, 31, "smp_affinity_list"));
    }

    @Test
    void a_cpu_going_down_is_dealt_out_and_coming_up_dealt_back_in() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 2, "virtio_net");
        host.load(new VirtioNetDriver());
        host.write("/sys/devices/system/cpu/cpu1/online", "0");
        assertEquals("0", irq(host, 25, "smp_affinity_list"));
        assertEquals("1", irq(host, 25, "affinity_hint"));
        assertEquals("0", irq(host, 26, "smp_affinity_list"));
        host.write("/sys/devices/system/cpu/cpu1/online", "1");
        assertEquals("0-1", irq(host, 25, "smp_affinity_list"));
        assertEquals("3", irq(host, 25, "affinity_hint"));
    }

    @Test
    void the_deal_is_over_the_online_cpus_not_the_first_n() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 4, "virtio_net", 2);
        host.load(new VirtioNetDriver());
        host.write("/sys/devices/system/cpu/cpu1/online", "0");
        // 3 online CPUs (0, 2, 3), 2 pairs: the first pair takes two, the second one
        assertEquals("0,2", irq(host, 25, "smp_affinity_list"));
        assertEquals("5", irq(host, 25, "affinity_hint"));
        assertEquals("3", irq(host, 27, "smp_affinity_list"));
        assertEquals("3", irq(host, 27, "effective_affinity_list"));
        host.setChannels(ChannelParam.COMBINED, 1);
        assertEquals("0,2-3", irq(host, 25, "smp_affinity_list"));
    }

    @Test
    void an_unbound_driver_is_not_called_at_hotplug() throws Exception {
        DriverHost host = DriverHost.boot("6.19", 2, "virtio_net");
        VirtioNetDriver d = new VirtioNetDriver();
        host.load(d);
        host.unload(d);
        host.write("/sys/devices/system/cpu/cpu1/online", "0");
        host.write("/sys/devices/system/cpu/cpu1/online", "1");
        assertEquals(java.util.List.of(), host.dmesg().stream().filter(l -> l.contains("callback failed")).toList());
    }

    @Test
    void before_4_19_a_pair_gets_a_cpu_only_when_there_are_as_many_pairs_as_cpus() throws Exception {
        DriverHost one = DriverHost.boot("4.14", 2, "virtio_net");
        one.load(new VirtioNetDriver());
        assertEquals("0", irq(one, 25, "affinity_hint"), "one pair: no hint");
        assertEquals("0-1", irq(one, 25, "smp_affinity_list"), "and the default affinity");

        DriverHost two = DriverHost.boot("4.14", 2, "virtio_net", 2); // multiqueue by default (4.11): both pairs
        two.load(new VirtioNetDriver());
        assertEquals("1", irq(two, 25, "affinity_hint"));
        assertEquals("1", irq(two, 26, "affinity_hint"));
        assertEquals("2", irq(two, 27, "affinity_hint"));
        assertEquals("1", irq(two, 27, "smp_affinity_list"));
        two.write("/sys/devices/system/cpu/cpu1/online", "0"); // 1 online CPU, 2 pairs: the hints go
        assertEquals("0", irq(two, 25, "affinity_hint"));
        assertEquals("0", irq(two, 27, "affinity_hint"));
        two.write("/sys/devices/system/cpu/cpu1/online", "1");
        assertEquals("2", irq(two, 27, "affinity_hint"));
    }
}
