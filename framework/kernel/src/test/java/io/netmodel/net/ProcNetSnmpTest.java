package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.testkit.Host;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /proc/net/snmp} byte for byte ({@code net/ipv4/proc.c}, {@code snmp_seq_show}) against
 * goldens, one per release where the columns differ: Ip OutTransmits from 6.7, Icmp
 * OutRateLimitGlobal/OutRateLimitHost from 6.3, Udp MemErrors from 5.11, IgnoredMulti from 3.19.
 * The 6.19 golden's header lines are those of a live 6.18 host (the columns have not changed
 * since 6.7), whose IcmpMsg pair is absent here because no ICMP type counter is non-zero.
 */
class ProcNetSnmpTest {

    private static String golden(String release) throws IOException {
        try (InputStream in = ProcNetSnmpTest.class.getResourceAsStream("snmp/" + release + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.18", "3.19", "5.11", "6.3", "6.7", "6.19"})
    void should_print_the_columns_of_the_release(String release) throws Exception {
        assertEquals(golden(release), Host.bare(release).read("/proc/net/snmp"));
    }

    @Test
    void should_show_what_the_kernel_counted() throws Exception {
        Host host = Host.bare("6.19");
        SnmpMib mib = host.kernel.snmp();
        mib.inc(SnmpMib.Ip.INPKTS);
        mib.inc(SnmpMib.Ip.INPKTS);
        mib.inc(SnmpMib.Ip.INDELIVERS);
        mib.inc(SnmpMib.Udp.INDATAGRAMS);
        mib.inc(SnmpMib.Udp.RCVBUFERRORS);
        mib.inc(SnmpMib.Udp.INERRORS);
        String[] lines = host.read("/proc/net/snmp").split("\n");
        assertEquals("Ip: 2 64 2 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0", lines[1]);
        assertEquals("Udp: 1 0 1 0 1 0 0 0 0", lines[7]);
        assertEquals("UdpLite: 0 0 0 0 0 0 0 0 0", lines[9], "UDP-Lite has its own counters");
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0_that_refuses_writes() throws Exception {
        Host host = Host.bare("6.19");
        NodeStat st = host.fs.stat("/proc/net/snmp");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
        VfsException e = assertThrows(VfsException.class, () -> host.write("/proc/net/snmp", "1\n"));
        assertEquals(Errno.EIO, e.errno(), "a proc file without a write op: pde_write");
    }

    @Test
    void should_leave_other_names_under_proc_net_unknown() {
        VfsException e = assertThrows(VfsException.class, () -> Host.bare("6.19").read("/proc/net/snmp6"));
        assertEquals(Errno.ENOENT, e.errno());
    }
}
