package io.netmodel.drivers.virtio_net;

import io.netmodel.api.driver.DeviceContext;
import io.netmodel.api.netdev.Irq;
import java.util.BitSet;
import java.util.List;

/**
 * {@code virtnet_set_affinity} (drivers/net/virtio_net.c, since 3.8): the online CPUs are dealt out
 * to the current queue pairs in turn, {@code num_cpu / pairs} each (the first
 * {@code num_cpu % pairs} one more; one each, wrapping, when there are more pairs than CPUs), and
 * each pair's input and output virtqueue vectors get that mask as affinity and hint
 * ({@code virtqueue_set_affinity} → {@code vp_set_vq_affinity} → {@code irq_set_affinity_and_hint}).
 * Run at probe ({@code init_vqs}) and after {@code ethtool -L} ({@code virtnet_set_channels}); pairs
 * beyond the current ones keep what they had. Only with a vector per virtqueue: a shared vector or
 * INTx has no per-queue affinity.
 */
final class VirtnetAffinity {
    private final DeviceContext ctx;
    private final List<Irq> inputs;
    private final List<Irq> outputs;

    VirtnetAffinity(DeviceContext ctx, List<Irq> inputs, List<Irq> outputs) {
        this.ctx = ctx;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** Deals the online CPUs out to the first {@code pairs} queue pairs. */
    void set(int pairs) {
        int numCpu = ctx.numOnlineCpus();
        int stride = Math.max(numCpu / pairs, 1);
        int stragglers = numCpu >= pairs ? numCpu % pairs : 0;
        int start = 0;
        for (int i = 0; i < pairs && i < inputs.size(); i++) {
            int groupSize = stride + (i < stragglers ? 1 : 0);
            BitSet mask = new BitSet();
            for (int k = 0; k < numCpu; k++) { // for_each_online_cpu_wrap(cpu, start)
                int cpu = (start + k) % numCpu;
                if (groupSize-- == 0) {
                    start = cpu;
                    break;
                }
                mask.set(cpu);
            }
            ctx.irqSetAffinityAndHint(inputs.get(i), mask);
            ctx.irqSetAffinityAndHint(outputs.get(i), mask);
        }
    }
}
