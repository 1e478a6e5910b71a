package io.netmodel.rx;

import io.netmodel.bus.NicModel;
import io.netmodel.core.HostSpec;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.TinyDriver;
import java.util.List;

/**
 * For {@code --live} tests: a bench service over a running model, {@code live}, whose hosts are
 * like it (its release, {@code live}'s CPU count, one virtio-net NIC with {@code driver} bound).
 */
final class LiveBench {
    private LiveBench() {
    }

    static BenchServiceImpl over(Host live, int cpus, TinyDriver driver) {
        HostSpec spec = new HostSpec(cpus, List.of(new HostSpec.Nic(NicModel.VIRTIO_NET, 1)));
        return new BenchServiceImpl(live.kernel.profile(), spec, () -> List.of(driver), () -> live.kernel);
    }
}
