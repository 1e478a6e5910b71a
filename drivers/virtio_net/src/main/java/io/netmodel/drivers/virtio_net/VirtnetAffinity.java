package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.CpuhpInstance;
import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.netdev.Irq;
import java.util.BitSet;
import java.util.List;

/**
 * {@code virtnet_set_affinity} (drivers/net/virtio_net.c, since 3.8; from 4.19, before which
 * see {@link #setOnePerCpu}): the online CPUs are dealt out to the current queue pairs in turn, {@code num_cpu / pairs} each (the first
 * {@code num_cpu % pairs} one more; one each, wrapping, when there are more pairs than CPUs), and
 * each pair's input and output virtqueue vectors get that mask as affinity and hint
 * ({@code virtqueue_set_affinity} → {@code vp_set_vq_affinity} → {@code irq_set_affinity_and_hint}).
 * Run at probe ({@code init_vqs}), after {@code ethtool -L} ({@code virtnet_set_channels}) and as
 * CPUs come and go: a CPU going down first clears every vector's hint
 * ({@code virtnet_cpu_down_prep} → {@code virtnet_clean_affinity}: {@code irq_update_affinity_hint}
 * with no mask, the affinity stays), then, dead, the remaining CPUs are dealt out again
 * ({@code virtnet_cpu_dead}); a CPU coming up is dealt in ({@code virtnet_cpu_online}). Pairs
 * beyond the current ones keep what they had. Only with a vector per virtqueue: a shared vector or
 * INTx has no per-queue affinity.
 */
final class VirtnetAffinity implements CpuhpInstance {
    private final DeviceContext ctx;
    private final List<Irq> inputs;
    private final List<Irq> outputs;
    /** {@code vi->curr_queue_pairs} as last dealt. */
    private int pairs;
    /** {@code vi->affinity_hint_set}. */
    private boolean hintSet;

    VirtnetAffinity(DeviceContext ctx, List<Irq> inputs, List<Irq> outputs) {
        this.ctx = ctx;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** Deals the online CPUs out to the first {@code pairs} queue pairs. */
    void set(int pairs) {
        this.pairs = pairs;
        BitSet online = ctx.cpuOnlineMask();
        if (!ctx.kernel().has(VirtioNetHistory.STRIPED_AFFINITY)) {
            setOnePerCpu(pairs, online);
            return;
        }
        int numCpu = online.cardinality();
        int stride = Math.max(numCpu / pairs, 1);
        int stragglers = numCpu >= pairs ? numCpu % pairs : 0;
        int start = 0;
        for (int i = 0; i < pairs && i < inputs.size(); i++) {
            int groupSize = stride + (i < stragglers ? 1 : 0);
            BitSet mask = new BitSet();
            int cpu = wrap(online, start);
            for (int k = 0; k < numCpu; k++) { // for_each_online_cpu_wrap(cpu, start)
                if (groupSize-- == 0) {
                    start = cpu;
                    break;
                }
                mask.set(cpu);
                cpu = wrap(online, cpu + 1);
            }
            ctx.irqSetAffinityAndHint(inputs.get(i), mask);
            ctx.irqSetAffinityAndHint(outputs.get(i), mask);
        }
        hintSet = true;
    }

    /**
     * Before 4.19: with more than one pair in use and as many pairs as online CPUs, pair i gets
     * the i-th online CPU (every pair the device has, in use or not); otherwise the hints go.
     */
    private void setOnePerCpu(int pairs, BitSet online) {
        if (pairs == 1 || inputs.size() != online.cardinality()) {
            clean();
            return;
        }
        int i = 0;
        for (int cpu = online.nextSetBit(0); cpu >= 0; cpu = online.nextSetBit(cpu + 1), i++) {
            BitSet mask = new BitSet();
            mask.set(cpu);
            ctx.irqSetAffinityAndHint(inputs.get(i), mask);
            ctx.irqSetAffinityAndHint(outputs.get(i), mask);
        }
        hintSet = true;
    }

    /** The first online CPU at or after {@code from}, wrapping to the first one. */
    private static int wrap(BitSet online, int from) {
        int cpu = online.nextSetBit(from);
        return cpu >= 0 ? cpu : online.nextSetBit(0);
    }

    /** {@code virtnet_clean_affinity}: every vector's hint cleared (its affinity stays), once. */
    private void clean() {
        if (!hintSet) {
            return;
        }
        for (int i = 0; i < inputs.size(); i++) {
            ctx.irqUpdateAffinityHint(inputs.get(i), new BitSet());
            ctx.irqUpdateAffinityHint(outputs.get(i), new BitSet());
        }
        hintSet = false;
    }

    @Override
    public void online(int cpu) {
        set(pairs);
    }

    @Override
    public void downPrep(int cpu) {
        clean();
    }

    @Override
    public void dead(int cpu) {
        set(pairs);
    }
}
