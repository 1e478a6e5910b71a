package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.traffic.SocketStatus;
import io.netmodel.api.traffic.TrafficRequest;
import io.netmodel.api.traffic.TrafficStatus;
import io.netmodel.net.SnmpMib;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import org.junit.jupiter.api.Test;

/**
 * The live socket's receive buffer on virtual time: {@code sk_rcvbuf} from
 * {@code net.core.rmem_default} at socket creation, the queue bounded by it, the packets it
 * refuses counted in {@code sk_drops} and in {@code /proc/net/snmp}'s Udp RcvbufErrors and
 * InErrors, and every packet that reached the socket in Ip InReceives and InDelivers.
 */
class RcvbufLiveTest {
    private static final long MS = 1_000_000;
    private static final int TRUESIZE = SkbTruesize.of(64);

    /** A host with TinyDriver's eth0 and the traffic on it. */
    private record Live(Host host, LiveTraffic traffic) {
        static Live boot() {
            Host h = Host.with("6.19", 2, TinyDriver.plain());
            return new Live(h, new LiveTraffic(h.kernel));
        }

        /** Puts eth0's RX interrupt on CPU 1, the reader's: softirq and ksoftirqd take half of it. */
        void irqOnReaderCpu() throws Exception {
            for (String line : host.read("/proc/interrupts").split("\n")) {
                if (line.contains(TinyDriver.IRQ_NAME)) {
                    host.write("/proc/irq/" + line.substring(0, line.indexOf(':')).trim() + "/smp_affinity_list", "1\n");
                    return;
                }
            }
            throw new AssertionError(host.read("/proc/interrupts"));
        }

        /** Column {@code name} of {@code group}'s value line in {@code /proc/net/snmp}. */
        long snmp(String group, String name) throws Exception {
            return host.mibColumn("/proc/net/snmp", group, name);
        }

        /**
         * 3M frames/s, far more than the reader's half of CPU 1 reads, for {@code ms}, sampling the
         * socket's queue every 100 µs; returns the longest it was.
         */
        long starve(int ms) throws Exception {
            irqOnReaderCpu();
            traffic.begin(new TrafficRequest(3_000_000, 64, false, 1));
            long most = 0;
            for (long t = 100_000; t <= ms * MS; t += 100_000) {
                traffic.advanceForTest(t);
                most = Math.max(most, traffic.status().socket().queued());
            }
            return most;
        }
    }

    private final Live live = Live.boot();
    private final LiveTraffic traffic = live.traffic();

    private long snmp(String group, String name) throws Exception {
        return live.snmp(group, name);
    }

    @Test
    void a_reader_that_keeps_up_drops_nothing_and_snmp_counts_every_datagram() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(100 * MS);
        TrafficStatus s = traffic.status();
        SocketStatus sk = s.socket();
        assertEquals(212992, sk.skRcvbuf(), "sock_init_data: sk_rcvbuf = rmem_default");
        assertEquals(0, sk.drops());
        assertTrue(sk.received() > 1990, sk.toString());
        assertEquals(s.delivered(), sk.received() + sk.queued());
        assertEquals(s.delivered(), snmp("Ip", "InReceives"));
        assertEquals(s.delivered(), snmp("Ip", "InDelivers"));
        assertEquals(sk.received(), snmp("Udp", "InDatagrams"), "udp_recvmsg counts what was read");
        assertEquals(0, snmp("Udp", "RcvbufErrors"));
        assertEquals(0, snmp("Udp", "InErrors"));
    }

    @Test
    void a_starved_reader_drops_at_the_buffer_which_stays_bounded_and_the_counters_agree() throws Exception {
        long most = live.starve(30);
        TrafficStatus s = traffic.status();
        SocketStatus sk = s.socket();
        long capacity = (212992 + TRUESIZE - 1) / TRUESIZE; // 93 skbs of 2304 bytes
        assertTrue(most <= capacity && most >= capacity - 2, "the queue fills to rmem_default / truesize: " + most);
        assertTrue(sk.rmemAlloc() <= sk.skRcvbuf(), sk.toString());
        assertTrue(sk.drops() > s.delivered() / 2, "most of what the softirq brings is refused: " + sk);
        assertEquals(s.delivered(), sk.received() + sk.queued() + sk.drops());
        assertEquals(sk.drops(), snmp("Udp", "RcvbufErrors"), "sk_drops = RcvbufErrors");
        assertEquals(sk.drops(), snmp("Udp", "InErrors"), "= InErrors: nothing else fails");
        assertEquals(sk.received(), snmp("Udp", "InDatagrams"));
        assertEquals(s.delivered(), snmp("Ip", "InDelivers"), "dropped at the socket, after IP delivered it");
        assertEquals(s.delivered(), live.host().kernel.snmp().get(SnmpMib.Ip.INPKTS));
        assertTrue(s.arrived() > s.delivered(), "frames lost in the ring or a backlog never reach IP: " + s);
    }

    @Test
    void a_bigger_rmem_default_drops_fewer() throws Exception {
        live.starve(30);
        long dropsDefault = traffic.status().socket().drops();
        Live big = Live.boot();
        big.host().write("/proc/sys/net/core/rmem_default", "4194304\n");
        long most = big.starve(30);
        SocketStatus sk = big.traffic().status().socket();
        assertEquals(4194304, sk.skRcvbuf());
        assertTrue(most > 4 * 212992 / TRUESIZE, "a deeper queue: " + most);
        assertTrue(sk.drops() < dropsDefault, sk.drops() + " < " + dropsDefault);
    }

    @Test
    void writing_rmem_default_leaves_the_running_socket_and_the_next_start_takes_it() throws Exception {
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        traffic.advanceForTest(10 * MS);
        live.host().write("/proc/sys/net/core/rmem_default", "4096\n");
        traffic.advanceForTest(20 * MS);
        assertEquals(212992, traffic.status().socket().skRcvbuf(), "as in Linux: sk_rcvbuf was set at creation");
        traffic.stop();
        traffic.begin(new TrafficRequest(20_000, 64, false, 1));
        assertEquals(4096, traffic.status().socket().skRcvbuf());
    }
}
