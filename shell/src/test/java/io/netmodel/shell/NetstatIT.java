package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /proc/net/netstat} of a running model read by real processes through the mount: with
 * {@code busy_read} echoed into the mount, live traffic's busy loops move TcpExt
 * BusyPollRxPackets, IP's receive moves IpExt InOctets, and iproute2's {@code nstat} reads both
 * files of the mount ({@code PROC_NET_NETSTAT}, {@code PROC_NET_SNMP}) as it reads a host's.
 */
@Timeout(120)
class NetstatIT {

    /** Column {@code name} of {@code group}'s value line of {@code /proc/net/netstat}, read with cat. */
    private static long netstat(RunningModel model, String group, String name) {
        Proc.Result cat = model.cat("proc/net/netstat");
        assertEquals(0, cat.exit(), cat::toString);
        List<String> lines = cat.out().lines().filter(l -> l.startsWith(group + ":")).toList();
        return Long.parseLong(lines.get(1).split(" ")[List.of(lines.get(0).split(" ")).indexOf(name)]);
    }

    @Test
    void busy_read_makes_busy_poll_rx_packets_move_and_nstat_reads_it() throws Exception {
        try (RunningModel model = RunningModel.up()) {
            assertEquals(0, netstat(model, "TcpExt", "BusyPollRxPackets"));
            Proc.Result set = Proc.run(Map.of(), "sh", "-c", "echo 50 > " + model.file("proc/sys/net/core/busy_read"));
            assertEquals(0, set.exit(), set::toString);
            Proc.Result start = model.netmodel("traffic", "start", "--rate", "20000");
            assertEquals(0, start.exit(), start::toString);
            RunningModel.waitFor(() -> netstat(model, "TcpExt", "BusyPollRxPackets") > 1000);
            assertTrue(netstat(model, "TcpExt", "BusyPollRxPackets") > 1000, () -> model.cat("proc/net/netstat").out());
            assertTrue(netstat(model, "IpExt", "InOctets") > 0, () -> model.cat("proc/net/netstat").out());

            Path nstat = Path.of("/usr/bin/nstat");
            assumeTrue(Files.isExecutable(nstat), "iproute2's nstat is not installed");
            Path history = Files.createTempFile("nstat-history", "");
            Proc.Result r = Proc.run(Map.of("PROC_NET_NETSTAT", model.file("proc/net/netstat").toString(),
                "PROC_NET_SNMP", model.file("proc/net/snmp").toString(), "NSTAT_HISTORY", history.toString()),
                nstat.toString(), "-asz", "TcpExtBusyPollRxPackets", "IpExtInNoECTPkts", "UdpInDatagrams");
            Files.deleteIfExists(history);
            assertEquals(0, r.exit(), r::toString);
            Matcher busy = Pattern.compile("(?m)^TcpExtBusyPollRxPackets +(\\d+) ").matcher(r.out());
            assertTrue(busy.find() && Long.parseLong(busy.group(1)) > 1000, r::toString);
            assertTrue(Pattern.compile("(?m)^IpExtInNoECTPkts +[1-9]\\d* ").matcher(r.out()).find(), r::toString);
            assertTrue(Pattern.compile("(?m)^UdpInDatagrams +[1-9]\\d* ").matcher(r.out()).find(), r::toString);
            assertEquals(0, model.netmodel("traffic", "stop").exit());
        }
    }
}
