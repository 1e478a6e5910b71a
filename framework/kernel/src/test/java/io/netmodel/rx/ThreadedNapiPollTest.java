package io.netmodel.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.core.Kernel;
import io.netmodel.cpu.CpuTime;
import io.netmodel.kernel.Profile;
import io.netmodel.sim.Simulator;
import io.netmodel.testkit.TinyDriver;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * {@code echo 1 > threaded}: the NAPI is polled by its kthread, a task on the CPU its affinity
 * allows, instead of in NET_RX softirq on the CPU the IRQ landed on.
 */
class ThreadedNapiPollTest {
    private static final int FRAMES = 100;

    private static SimHost host(String threaded) {
        Kernel k = new Kernel(new Profile(KernelVersion.parse("6.19")), new HostSpec(4, java.util.List.of(
            new HostSpec.Nic(io.netmodel.bus.NicModel.VIRTIO_NET, 1))));
        k.modules().driverAppeared(TinyDriver.plain());
        SimHost h = new SimHost("h", k, new Simulator(1), RxCosts.load(RxCosts.DEFAULT_PROFILE));
        h.write("/sys/class/net/eth0/threaded", threaded);
        return h;
    }

    private static int[] traffic(SimHost h) {
        int[] delivered = {0};
        h.napi.setConsumer((p, at) -> delivered[0]++);
        for (int i = 0; i < FRAMES; i++) {
            h.sim.scheduleAt(i * 20_000L, () -> h.napi.rxArrive(0));
        }
        h.sim.run();
        return delivered;
    }

    private static long time(SimHost h, int cpu, CpuTime t) {
        return h.kernel.cpus().cpu(cpu).time(t);
    }

    @Test
    void softirq_polls_when_not_threaded() {
        SimHost h = host("0");
        assertEquals(FRAMES, traffic(h)[0]);
        int irqCpu = h.napi.irqCpu();
        assertTrue(time(h, irqCpu, CpuTime.SOFTIRQ) > 0);
        assertEquals(FRAMES, h.kernel.softnet(irqCpu).processed);
    }

    @Test
    void the_kthread_polls_on_its_cpu_as_a_task_when_threaded() throws Exception {
        SimHost h = host("1");
        int pid = h.napi.napi().thread().pid();
        BitSet cpu3 = new BitSet();
        cpu3.set(3);
        h.kernel.taskService().setAffinity(pid, cpu3);
        assertEquals(FRAMES, traffic(h)[0]);
        for (int cpu = 0; cpu < 4; cpu++) {
            assertEquals(0, time(h, cpu, CpuTime.SOFTIRQ), "no NET_RX softirq on CPU " + cpu);
        }
        assertTrue(time(h, 3, CpuTime.SYSTEM) > 0, "napi/eth0-N polled on CPU 3");
        assertTrue(time(h, h.napi.irqCpu(), CpuTime.IRQ) > 0, "the hard IRQ still lands where its affinity says");
        assertEquals(0, h.kernel.softnet(h.napi.irqCpu()).processed, "net_rx_action never ran");
    }
}
