package io.netmodel.rx;

/**
 * One CPU's flow-limit table ({@code struct sd_flow_limit}, net/core/dev.c {@code skb_flow_limit},
 * since 3.11): present while the CPU is in {@code net.core.flow_limit_cpu_bitmap}, with
 * {@code flow_limit_table_len} buckets. Once the target's {@code input_pkt_queue} holds half of
 * {@code netdev_max_backlog}, each enqueue from this CPU records its flow's bucket in a history of
 * the last {@code FLOW_LIMIT_HISTORY} (128) such packets, and a flow with more than half of that
 * history is dropped.
 *
 * <p>The kernel allocates the table when the bitmap is written (with the table length then); the
 * model allocates it at the first packet that needs it, with the length then. Recalled from
 * dev.c (6.x and 3.11 read alike), not checked line by line.
 */
final class FlowLimit {
    /** {@code FLOW_LIMIT_HISTORY}: {@code 1 << 7}. */
    static final int HISTORY = 128;
    /** {@code GOLDEN_RATIO_32} of include/linux/hash.h. */
    static final int GOLDEN_RATIO_32 = 0x61C88647;

    private final int logBuckets;
    private final int[] buckets;
    private final int[] history = new int[HISTORY];
    private int head;

    FlowLimit(int tableLen) {
        this.logBuckets = 31 - Integer.numberOfLeadingZeros(Math.max(1, tableLen)); // ilog2
        this.buckets = new int[1 << logBuckets];
    }

    /** {@code hash_32(val, bits)}. */
    static int hash32(int val, int bits) {
        return bits == 0 ? 0 : (val * GOLDEN_RATIO_32) >>> (32 - bits);
    }

    /** The history step of {@code skb_flow_limit} for a packet of flow {@code hash}: true drops it. */
    boolean limit(int hash) {
        int newFlow = hash32(hash, logBuckets);
        int oldFlow = history[head];
        history[head] = newFlow;
        head = (head + 1) & (HISTORY - 1);
        if (buckets[oldFlow] > 0) {
            buckets[oldFlow]--;
        }
        return ++buckets[newFlow] > (HISTORY >> 1);
    }
}
