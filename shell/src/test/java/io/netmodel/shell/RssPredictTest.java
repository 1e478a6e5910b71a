package io.netmodel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@link RssPredict}'s own Toeplitz hash on the 82599 datasheet's RSS verification suite (DPDK {@code test_thash.c}). */
class RssPredictTest {
    private static final byte[] KEY = HexFormat.of().parseHex(
        "6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c6a42b73bbeac01fa");

    private static byte[] in(int src, int dst, int sport, int dport, boolean ports) {
        ByteBuffer b = ByteBuffer.allocate(ports ? 12 : 8).putInt(src).putInt(dst);
        return ports ? b.putShort((short) sport).putShort((short) dport).array() : b.array();
    }

    @Test
    void verification_suite() {
        // 66.9.149.187:2794 -> 161.142.100.80:1766 and 199.92.111.2:14230 -> 65.69.140.83:4739
        assertEquals(0x323e8fc2, RssPredict.toeplitz(KEY, in(0x420995bb, 0xa18e6450, 2794, 1766, false)));
        assertEquals(0x51ccc178, RssPredict.toeplitz(KEY, in(0x420995bb, 0xa18e6450, 2794, 1766, true)));
        assertEquals(0xd718262a, RssPredict.toeplitz(KEY, in(0xc75c6f02, 0x41458c53, 14230, 4739, false)));
        assertEquals(0xc626b0ea, RssPredict.toeplitz(KEY, in(0xc75c6f02, 0x41458c53, 14230, 4739, true)));
    }

    @Test
    void the_flows_tuple() {
        assertEquals("0a0000020a00000180032328", HexFormat.of().formatHex(RssPredict.tuple(3, true)));
    }
}
