package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Caller;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.bus.NicModel;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.Host;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /proc/net/softnet_stat} byte for byte (kernel-interfaces.md §5.1 and its column
 * history, §9 fact 13; net/core/net-procfs.c {@code softnet_seq_show}): one line per online
 * CPU, {@code %08x} columns, 11 on 3.11-5.9, 13 on 5.10-6.3 (backlog length, CPU id), 15
 * from 6.4 (input_pkt_queue and process_queue lengths).
 */
class ProcNetSoftnetStatTest {

    /** Two CPUs with distinct values in every live column. */
    private static Host loaded(String version) {
        Host host = Host.bare(version);
        SoftnetData cpu0 = host.kernel.softnet(0);
        cpu0.processed = 0x53c;
        cpu0.dropped = 2;
        cpu0.timeSqueeze = 3;
        cpu0.receivedRps = 0x10;
        cpu0.flowLimitCount = 5;
        cpu0.inputPktQueueLen = 6;
        cpu0.processQueueLen = 7;
        SoftnetData cpu1 = host.kernel.softnet(1);
        cpu1.processed = 0xdeadbeef;
        cpu1.inputPktQueueLen = 1;
        return host;
    }

    @Test
    void should_print_11_columns_on_4_4() throws Exception {
        assertEquals(
            "0000053c 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000010 00000005\n"
            + "deadbeef 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000\n",
            loaded("4.4").read("/proc/net/softnet_stat"));
    }

    @Test
    void should_add_backlog_length_and_cpu_id_on_5_10() throws Exception {
        assertEquals(
            "0000053c 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000010 00000005"
            + " 0000000d 00000000\n"
            + "deadbeef 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000001 00000001\n",
            loaded("5.10").read("/proc/net/softnet_stat"));
    }

    @Test
    void should_add_the_two_queue_lengths_on_6_19() throws Exception {
        assertEquals(
            "0000053c 00000002 00000003 00000000 00000000 00000000 00000000 00000000 00000000 00000010 00000005"
            + " 0000000d 00000000 00000006 00000007\n"
            + "deadbeef 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000001 00000001 00000001 00000000\n",
            loaded("6.19").read("/proc/net/softnet_stat"));
    }

    @Test
    void should_match_the_live_6_18_line_of_an_idle_cpu_1() throws Exception {
        Host host = Host.bare("6.18");
        host.kernel.softnet(1).processed = 0x53c;
        assertEquals("0000053c 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000"
            + " 00000000 00000000 00000001 00000000 00000000", host.read("/proc/net/softnet_stat").split("\n")[1]);
    }

    @ParameterizedTest(name = "{0}: {1} columns")
    @CsvSource({"3.11, 11", "5.9, 11", "5.10, 13", "6.3, 13", "6.4, 15", "6.19, 15"})
    void should_change_the_column_count_at_5_10_and_6_4(String version, int columns) throws Exception {
        for (String line : Host.bare(version).read("/proc/net/softnet_stat").split("\n")) {
            assertEquals(columns, line.split(" ").length, line);
        }
    }

    @Test
    void should_wrap_counters_at_2_to_the_32_like_the_kernels_unsigned_int() throws Exception {
        Host host = Host.bare("6.19");
        SoftnetData sd = host.kernel.softnet(0);
        sd.processed = 0xfffffffe;
        sd.processed++;
        sd.dropped = -1;
        sd.dropped++;
        String line = host.read("/proc/net/softnet_stat").split("\n")[0];
        assertEquals("ffffffff 00000000 ", line.substring(0, 18));
    }

    @Test
    void should_print_one_line_per_cpu_with_its_id() throws Exception {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(4, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1))));
        String text = new String(k.fs().open("/proc/net/softnet_stat", false, Caller.ROOT).read(0, 65536),
            StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals(4, lines.length);
        for (int cpu = 0; cpu < 4; cpu++) {
            assertEquals(String.format("%08x", cpu), lines[cpu].split(" ")[12]);
        }
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0() throws Exception {
        NodeStat st = Host.bare("6.19").fs.stat("/proc/net/softnet_stat");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
    }
}
