package io.netmodel.rx;

import io.netmodel.api.ethtool.EthtoolException;
import io.netmodel.api.ethtool.Rxfh;
import io.netmodel.net.NetDeviceImpl;

/**
 * {@code skb->hash} of live traffic's flows ({@link LiveFlows}) on a device, the value RSS, RPS
 * and the flow limit read. A device whose NIC hashes with an RSS key ({@code EthtoolOps.rssHashKey}
 * non-empty: ixgbe, igb, mlx4_en) hands up its NIC's Toeplitz hash ({@link Toeplitz}) of the
 * fields it hashes for UDP ({@code EthtoolOps.rssHashFields}: the addresses on ixgbe and igb,
 * the 4-tuple on mlx4_en), with the key as the driver holds it now (so {@code ethtool -X hkey}
 * moves the flows). Any other device (virtio_net, e1000 in the model) leaves the hash to the
 * stack: {@code __skb_get_hash} dissects the 4-tuple and hashes it with a per-boot random key.
 * The kernel does that with {@code siphash} since 4.13 (recalled); the model uses the {@code jhash2} of
 * {@code __flow_hash_words} before it, over the addresses and the ports only (the real one also
 * covers more of {@code struct flow_keys}), after {@code __flow_hash_consistentify}'s ordering
 * and with {@code hash == 0} made 1 as {@code __flow_hash_from_keys} does. So the software hash is
 * an approximation: the same kind of spread, not the kernel's values.
 */
final class RxHash {
    /**
     * {@code hashrnd} ({@code net_get_random_once} in {@code flow_dissector.c}): random per boot in
     * the kernel, a fixed value drawn from a fixed seed here so that runs repeat.
     */
    static final int HASHRND = new java.util.Random(0x666c6f77L).nextInt(); // "flow"

    private final int flows;
    private int[] hashes;
    /** The key and fields {@link #hashes} were computed with (null key: the software hash). */
    private byte[] key;
    private int fields;

    RxHash(int flows) {
        this.flows = flows;
    }

    /**
     * Follows {@code dev}'s driver: recomputes the flows' hashes when its RSS key or hashed fields
     * differ from those they were computed with (live traffic calls this every slice, so an
     * {@code ethtool -X hkey} steers the frames of the next one).
     */
    void update(NetDeviceImpl dev) {
        byte[] k = rssKey(dev);
        int fl = k == null ? 0 : dev.ethtoolOps().rssHashFields(Rxfh.UDP_V4_FLOW);
        if (hashes != null && java.util.Arrays.equals(k, key) && fl == fields) {
            return;
        }
        hashes = ofFlows(k, fl, flows);
        key = k;
        fields = fl;
    }

    /** Flow {@code f}'s {@code skb->hash} as of the last {@link #update}. */
    int of(int f) {
        return hashes[f];
    }

    /**
     * With {@code key}: the Toeplitz hash of each flow's addresses, and ports too when
     * {@code fields} has both port halves; without: the software hash.
     */
    private static int[] ofFlows(byte[] key, int fields, int flows) {
        int[] h = new int[flows];
        boolean ports = (fields & (Rxfh.RXH_L4_B_0_1 | Rxfh.RXH_L4_B_2_3)) == (Rxfh.RXH_L4_B_0_1 | Rxfh.RXH_L4_B_2_3);
        for (int f = 0; f < flows; f++) {
            h[f] = key == null ? software(f) : Toeplitz.hash(key, LiveFlows.rssInput(f, ports));
        }
        return h;
    }

    /** The key the NIC hashes with, or null when it has none (no {@code get_rxfh}, or an empty key). */
    static byte[] rssKey(NetDeviceImpl dev) {
        try {
            byte[] k = dev.ethtoolOps().rssHashKey();
            return k.length == 0 ? null : k;
        } catch (EthtoolException e) {
            return null;
        }
    }

    /** {@code __skb_get_hash} of flow {@code f}, approximated (see the class comment). */
    static int software(int f) {
        int src = LiveFlows.SRC_ADDR;
        int dst = LiveFlows.DST_ADDR;
        int sport = LiveFlows.srcPort(f);
        int dport = LiveFlows.DST_PORT;
        // __flow_hash_consistentify: both directions of a flow hash alike (the byte order the kernel
        // compares in is not modelled)
        if (Integer.compareUnsigned(dst, src) < 0) {
            int t = src;
            src = dst;
            dst = t;
        }
        if (dport < sport) {
            int t = sport;
            sport = dport;
            dport = t;
        }
        int hash = Jhash.jhash2(new int[] {src, dst, (sport << 16) | dport}, HASHRND);
        return hash == 0 ? 1 : hash;
    }
}
