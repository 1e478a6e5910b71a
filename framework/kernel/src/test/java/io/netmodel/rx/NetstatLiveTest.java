package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/net/netstat} under live traffic, on virtual time: TcpExt BusyPollRxPackets counts
 * what the socket's busy loops took, and only with busy_read; IpExt InOctets and InNoECTPkts count
 * every frame that reached IP, where Ip InReceives does ({@code ip_rcv_core}), InOctets with
 * {@code skb->len}, the frame less its 14-byte Ethernet header.
 */
class NetstatLiveTest {
    private static final long MS = 1_000_000;

    private final Host live = Host.with("6.19", 2, TinyDriver.plain());
    private final LiveTraffic traffic = new LiveTraffic(live.kernel);

    /** Column {@code name} of {@code group}'s value line in {@code path}. */
    private long column(String path, String group, String name) throws Exception {
        String[] lines = live.read(path).split("\n");
        for (int i = 0; i + 1 < lines.length; i += 2) {
            if (lines[i].startsWith(group + ":")) {
                String[] names = lines[i].split(" ");
                String[] values = lines[i + 1].split(" ");
                for (int c = 1; c < names.length; c++) {
                    if (names[c].equals(name)) {
                        return Long.parseLong(values[c]);
                    }
                }
            }
        }
        throw new AssertionError(group + " " + name + " in\n" + live.read(path));
    }

    private long busyPollRxPackets() throws Exception {
        return column("/proc/net/netstat", "TcpExt", "BusyPollRxPackets");
    }

    @Test
    void should_count_the_packets_the_busy_loops_took_with_busy_read() throws Exception {
        live.write("/proc/sys/net/core/busy_read", "100\n"); // longer than the 50 us between frames
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(100 * MS);
        TrafficStatus s = traffic.status();
        assertTrue(s.socket().busyLoops() > 1900, s.socket().toString());
        long counted = busyPollRxPackets();
        assertTrue(counted > 1900 && counted <= s.delivered(), counted + " of " + s.delivered() + " delivered");
    }

    @Test
    void should_count_nothing_without_busy_read() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(100 * MS);
        assertTrue(traffic.status().delivered() > 1990, traffic.status().toString());
        assertEquals(0, traffic.status().socket().busyLoops());
        assertEquals(0, busyPollRxPackets());
    }

    @Test
    void should_count_ip_octets_and_not_ect_packets_where_ip_receives_is_counted() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 1514, false, 1));
        traffic.advanceForTest(50 * MS);
        long delivered = traffic.status().delivered();
        assertTrue(delivered > 990, traffic.status().toString());
        assertEquals(delivered, column("/proc/net/snmp", "Ip", "InReceives"));
        assertEquals(delivered * 1500, column("/proc/net/netstat", "IpExt", "InOctets"));
        assertEquals(delivered, column("/proc/net/netstat", "IpExt", "InNoECTPkts"));
        assertEquals(0, column("/proc/net/netstat", "IpExt", "OutOctets"), "the model sends no IP packet");
        assertEquals(0, column("/proc/net/netstat", "IpExt", "InCEPkts"));
    }
}
