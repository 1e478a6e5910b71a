package io.netmodel.shell;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What RSS does with live traffic's flows on a running model, predicted from what
 * {@code ethtool -x eth0} shows (the table and the key) and the flows' tuples as
 * {@code netmodel traffic start --help} states them (10.0.0.2:32768+f to 10.0.0.1:9000, UDP):
 * the ITs compare the queues' counters with it. The kernel's classes are not on the ITs' class
 * path (they run in the daemon's Felix), so the Toeplitz hash is computed here on its own,
 * checked against the 82599 datasheet's verification suite by {@code RssPredictTest}.
 */
final class RssPredict {
    static final int SRC_ADDR = 0x0a000002;
    static final int DST_ADDR = 0x0a000001;
    static final int DST_PORT = 9000;
    static final int SRC_PORT_BASE = 32768;

    private RssPredict() {
    }

    /** The Toeplitz hash: per input bit set, XOR the key's 32 bits from that bit's position. */
    static int toeplitz(byte[] key, byte[] input) {
        int h = 0;
        for (int bit = 0; bit < input.length * 8; bit++) {
            if ((input[bit / 8] >> (7 - bit % 8) & 1) != 0) {
                long w = 0;
                for (int j = 0; j < 32; j++) {
                    int kb = bit + j;
                    w = (w << 1) | (key[kb / 8] >> (7 - kb % 8) & 1);
                }
                h ^= (int) w;
            }
        }
        return h;
    }

    /** Flow {@code f}'s tuple as an RSS engine reads it: addresses, then with {@code ports} the ports. */
    static byte[] tuple(int f, boolean ports) {
        ByteBuffer b = ByteBuffer.allocate(ports ? 12 : 8).putInt(SRC_ADDR).putInt(DST_ADDR);
        if (ports) {
            b.putShort((short) (SRC_PORT_BASE + f)).putShort((short) DST_PORT);
        }
        return b.array();
    }

    /** The key {@code ethtool -x} prints after "RSS hash key:". */
    static byte[] key(String ethtoolX) {
        Matcher m = Pattern.compile("RSS hash key:\\n([0-9a-f:]+)\\n").matcher(ethtoolX);
        if (!m.find()) {
            throw new AssertionError("no key in " + ethtoolX);
        }
        return HexFormat.ofDelimiter(":").parseHex(m.group(1));
    }

    /** The indirection table {@code ethtool -x} prints (rows of "   N:  q q q ..."). */
    static int[] indir(String ethtoolX) {
        List<Integer> t = new ArrayList<>();
        for (String line : ethtoolX.split("\n")) {
            Matcher m = Pattern.compile("^ *\\d+:((?: +\\d+)+)$").matcher(line);
            if (m.find()) {
                for (String q : m.group(1).trim().split(" +")) {
                    t.add(Integer.parseInt(q));
                }
            }
        }
        return t.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * How many of {@code flows} flows each of {@code queues} queues gets: the Toeplitz hash of
     * each flow's addresses (and ports with {@code ports}) under {@code key}, its low bits
     * indexing {@code indir}.
     */
    static int[] flowsPerQueue(byte[] key, int[] indir, boolean ports, int flows, int queues) {
        int[] n = new int[queues];
        for (int f = 0; f < flows; f++) {
            int hash = toeplitz(key, tuple(f, ports));
            n[indir[hash & (indir.length - 1)]]++;
        }
        return n;
    }
}
