package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.Behaviour;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.api.vfs.Errno;
import io.netmodel.api.vfs.NodeStat;
import io.netmodel.api.vfs.VfsException;
import io.netmodel.testkit.Host;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /proc/net/netstat} byte for byte ({@code net/ipv4/proc.c}, {@code netstat_seq_show}).
 * The goldens come from outside the model: 6.18's header lines are a live 6.18 host's (its
 * MPTcpExt pair left out: the modelled host has no MPTCP), 4.4's and 4.14's the
 * {@code snmp4_net_list} and {@code snmp4_ipextstats_list} of trees on those releases (less
 * {@code TCPWqueueTooBig}, a stable backport, on 4.14), 5.10's and 6.1's 6.18's less what came
 * later (checked against trees on those releases, less a vendor column); 6.19 is taken to be
 * 6.18 (no TcpExt or IpExt column found added for it), 3.11 is the Behaviour constants' only.
 * Each column change has its own test: the release before has the old columns, the release
 * itself the new ones.
 */
class ProcNetNetstatTest {

    private static String golden(String release) throws IOException {
        try (InputStream in = ProcNetNetstatTest.class.getResourceAsStream("netstat/" + release + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.11", "4.4", "4.14", "5.10", "6.1", "6.18", "6.19"})
    void should_print_the_columns_of_the_release(String release) throws Exception {
        assertEquals(golden(release), Host.bare(release).read("/proc/net/netstat"));
    }

    /** The release before {@code v}: 4.0 follows 3.19, 5.0 follows 4.20, 6.0 follows 5.19. */
    private static String before(KernelVersion v) {
        if (v.minor() > 0) {
            return v.major() + "." + (v.minor() - 1);
        }
        return switch (v.major()) {
            case 4 -> "3.19";
            case 5 -> "4.20";
            case 6 -> "5.19";
            default -> throw new IllegalArgumentException("no release before " + v);
        };
    }

    private static Set<String> header(String release, String group) throws Exception {
        for (String line : Host.bare(release).read("/proc/net/netstat").split("\n")) {
            if (line.startsWith(group + ": ") && !Character.isDigit(line.charAt(group.length() + 2))) {
                return new HashSet<>(Arrays.asList(line.substring(group.length() + 2).split(" ")));
            }
        }
        throw new AssertionError("no " + group + " header");
    }

    /** Every netstat column change, with the columns it adds ({@code +}) or removes ({@code -}). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NETSTAT_TCP_AUTOCORKING, TcpExt, +, TCPAutoCorking",
        "NETSTAT_TCP_ZERO_WINDOW_ADV, TcpExt, +, TCPFromZeroWindowAdv TCPToZeroWindowAdv TCPWantZeroWindowAdv",
        "NETSTAT_TCP_SYN_DATA_STATS, TcpExt, +, TCPFastOpenActiveFail TCPSynRetrans TCPOrigDataSent",
        "NETSTAT_TCP_HYSTART, TcpExt, +, TCPHystartTrainDetect TCPHystartTrainCwnd TCPHystartDelayDetect TCPHystartDelayCwnd",
        "NETSTAT_TCP_ACK_SKIPPED, TcpExt, +, TCPACKSkippedSynRecv TCPACKSkippedPAWS TCPACKSkippedSeq "
            + "TCPACKSkippedFinWait2 TCPACKSkippedTimeWait TCPACKSkippedChallenge",
        "NETSTAT_TCP_WINPROBE_KEEPALIVE, TcpExt, +, TCPWinProbe TCPKeepAlive",
        "NETSTAT_TCP_MTUP, TcpExt, +, TCPMTUPFail TCPMTUPSuccess",
        "NETSTAT_PAWS_PASSIVE_REMOVED, TcpExt, -, PAWSPassive",
        "NETSTAT_TCP_FASTOPEN_BLACKHOLE, TcpExt, +, TCPFastOpenBlackhole",
        "NETSTAT_PFMEMALLOC_DROP, TcpExt, +, PFMemallocDrop",
        "NETSTAT_TCP_MD5_FAILURE, TcpExt, +, TCPMD5Failure",
        "NETSTAT_TCP_MEMORY_PRESSURES_CHRONO, TcpExt, +, TCPMemoryPressuresChrono",
        "NETSTAT_TCP_DELIVERED, TcpExt, +, TCPDelivered TCPDeliveredCE",
        "NETSTAT_TCP_PREQUEUE_REMOVED, TcpExt, -, TCPPrequeued TCPDirectCopyFromBacklog TCPDirectCopyFromPrequeue "
            + "TCPPrequeueDropped TCPHPHitsToUser TCPSchedulerFailed",
        "NETSTAT_TCP_FORWARD_RETRANS_REMOVED, TcpExt, -, TCPForwardRetrans",
        "NETSTAT_TCP_FACK_REORDER_REMOVED, TcpExt, -, TCPFACKReorder",
        "NETSTAT_TCP_ACK_COMPRESSED, TcpExt, +, TCPAckCompressed",
        "NETSTAT_IP_REASM_OVERLAPS, IpExt, +, ReasmOverlaps",
        "NETSTAT_TCP_BACKLOG_COALESCE, TcpExt, +, TCPBacklogCoalesce",
        "NETSTAT_TCP_ZERO_WINDOW_DROP, TcpExt, +, TCPZeroWindowDrop TCPRcvQDrop",
        "NETSTAT_TCP_WQUEUE_TOO_BIG, TcpExt, +, TCPWqueueTooBig",
        "NETSTAT_TCP_FASTOPEN_ALT_KEY, TcpExt, +, TCPFastOpenPassiveAltKey",
        "NETSTAT_TCP_REHASH, TcpExt, +, TcpTimeoutRehash TcpDuplicateDataRehash",
        "NETSTAT_TCP_DSACK_SEGS, TcpExt, +, TCPDSACKRecvSegs TCPDSACKIgnoredDubious",
        "NETSTAT_TCP_MIGRATE_REQ, TcpExt, +, TCPMigrateReqSuccess TCPMigrateReqFailure",
        "NETSTAT_TCP_PLB_REHASH, TcpExt, +, TCPPLBRehash",
        "NETSTAT_TCP_AO, TcpExt, +, TCPAORequired TCPAOBad TCPAOKeyNotFound TCPAOGood TCPAODroppedIcmps",
        "NETSTAT_PAWS_OLD_ACK, TcpExt, +, PAWSOldAck",
        "NETSTAT_TSECR_REJECTED, TcpExt, +, TSEcrRejected",
        "NETSTAT_PAWS_TIMEWAIT, TcpExt, +, PAWSTimewait",
        "NETSTAT_BEYOND_WINDOW, TcpExt, +, BeyondWindow",
        "NETSTAT_IP_ECN, IpExt, +, InNoECTPkts InECT1Pkts InECT0Pkts InCEPkts",
    })
    void should_change_the_columns_at_the_release_of_the_change(Behaviour change, String group, String sign,
                                                                 String columns) throws Exception {
        String release = change.since().toString();
        Set<String> old = header(before(change.since()), group);
        Set<String> now = header(release, group);
        for (String c : columns.split(" ")) {
            boolean added = sign.equals("+");
            assertEquals(!added, old.contains(c), c + " in " + before(change.since()));
            assertEquals(added, now.contains(c), c + " in " + release);
        }
    }

    @Test
    void should_have_a_test_for_every_netstat_behaviour() throws Exception {
        String table = Arrays.toString(ProcNetNetstatTest.class
            .getDeclaredMethod("should_change_the_columns_at_the_release_of_the_change", Behaviour.class,
                String.class, String.class, String.class)
            .getAnnotation(CsvSource.class).value());
        for (Behaviour b : Behaviour.values()) {
            if (b.name().startsWith("NETSTAT_")) {
                assertTrue(table.contains(b.name() + ","), "no column test for " + b);
            }
        }
    }

    @Test
    void should_show_what_the_kernel_counted() throws Exception {
        Host host = Host.bare("6.19");
        host.kernel.netStatistics().add(LinuxMib.TcpExt.BUSYPOLLRXPACKETS, 7);
        host.kernel.netStatistics().add(LinuxMib.TcpExt.BUSYPOLLRXPACKETS, 5);
        host.kernel.snmp().add(SnmpMib.IpExt.INOCTETS, 1500);
        host.kernel.snmp().add(SnmpMib.IpExt.NOECTPKTS, 1);
        String[] lines = host.read("/proc/net/netstat").split("\n");
        List<String> tcpNames = Arrays.asList(lines[0].split(" "));
        List<String> tcpValues = Arrays.asList(lines[1].split(" "));
        assertEquals("12", tcpValues.get(tcpNames.indexOf("BusyPollRxPackets")));
        assertEquals(2, tcpValues.stream().filter(v -> !v.equals("0")).count(), "TcpExt: and 12, the rest 0");
        List<String> ipNames = Arrays.asList(lines[2].split(" "));
        List<String> ipValues = Arrays.asList(lines[3].split(" "));
        assertEquals("1500", ipValues.get(ipNames.indexOf("InOctets")));
        assertEquals("1", ipValues.get(ipNames.indexOf("InNoECTPkts")));
        assertEquals("0", ipValues.get(ipNames.indexOf("OutOctets")));
    }

    @Test
    void should_not_print_a_counter_the_release_has_no_column_for() throws Exception {
        Host host = Host.bare("3.11");
        host.kernel.snmp().add(SnmpMib.IpExt.NOECTPKTS, 3);
        String[] lines = host.read("/proc/net/netstat").split("\n");
        assertFalse(lines[2].contains("InNoECTPkts"), lines[2]);
        assertEquals("IpExt:" + " 0".repeat(13), lines[3], "the 13 columns of 3.11, none of them InNoECTPkts");
    }

    @Test
    void should_be_a_0444_proc_file_of_size_0_that_refuses_writes() throws Exception {
        Host host = Host.bare("6.19");
        NodeStat st = host.fs.stat("/proc/net/netstat");
        assertEquals(0444, st.mode());
        assertEquals(0, st.size());
        VfsException e = assertThrows(VfsException.class, () -> host.write("/proc/net/netstat", "1\n"));
        assertEquals(Errno.EIO, e.errno(), "a proc file without a write op: pde_write");
    }
}
