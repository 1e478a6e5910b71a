package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Toeplitz} against the RSS verification suite of the Intel 82599 datasheet (7.1.2.8.3),
 * the same five IPv4 vectors as Microsoft's "Verifying the RSS Hash Calculation", as DPDK's
 * {@code app/test/test_thash.c} carries them ({@code v4_tbl}: destination, source, their ports,
 * the hash of the addresses and of the 4-tuple), with its key.
 */
class ToeplitzTest {
    private static final byte[] KEY = HexFormat.of().parseHex(
        "6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c6a42b73bbeac01fa");

    private static int addr(String dotted) {
        int a = 0;
        for (String p : dotted.split("\\.")) {
            a = (a << 8) | Integer.parseInt(p);
        }
        return a;
    }

    @ParameterizedTest
    @CsvSource({
        "161.142.100.80, 1766, 66.9.149.187, 2794, 323e8fc2, 51ccc178",
        "65.69.140.83, 4739, 199.92.111.2, 14230, d718262a, c626b0ea",
        "12.22.207.184, 38024, 24.19.198.95, 12898, d2d0a5de, 5c2b394a",
        "209.142.163.6, 2217, 38.27.205.30, 48228, 82989176, afc7327f",
        "202.188.127.2, 1303, 153.39.163.191, 44251, 5d1809c5, 10e828a2",
    })
    void verification_suite(String dst, int dport, String src, int sport, String l3, String l3l4) {
        byte[] ip = ByteBuffer.allocate(8).putInt(addr(src)).putInt(addr(dst)).array();
        byte[] ipPorts = ByteBuffer.allocate(12).putInt(addr(src)).putInt(addr(dst))
            .putShort((short) sport).putShort((short) dport).array();
        assertEquals(Integer.parseUnsignedInt(l3, 16), Toeplitz.hash(KEY, ip), "IPv4");
        assertEquals(Integer.parseUnsignedInt(l3l4, 16), Toeplitz.hash(KEY, ipPorts), "IPv4 with ports");
    }

    @Test
    void key_shorter_than_input_plus_four_bytes_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Toeplitz.hash(new byte[15], new byte[12]));
        assertEquals(0, Toeplitz.hash(new byte[16], new byte[12]), "a zero key hashes everything to 0");
    }

    /** {@link LiveFlows#rssInput}: the addresses, then the ports, in network byte order. */
    @Test
    void live_flow_input_is_the_tuple_in_network_byte_order() {
        assertEquals("0a0000020a000001", HexFormat.of().formatHex(LiveFlows.rssInput(3, false)));
        assertEquals("0a0000020a000001800323 28".replace(" ", ""), HexFormat.of().formatHex(LiveFlows.rssInput(3, true)));
        assertEquals(0, LiveFlows.srcPort(32768), "flow 32768 wraps to port 0: all 65536 flows differ");
    }
}
