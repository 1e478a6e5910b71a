package io.netmodel.rx;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.EpollRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpollRrProbe {
    @Test
    void probe() {
        for (double rate : new double[] {25_000, 50_000, 100_000}) {
            for (String cfg : List.of("base", "defer10", "napibusy", "fullbusy", "suspend20")) {
                EpollRrRequest r = switch (cfg) {
                    case "base" -> new EpollRrRequest(rate, 3000, 0, 0, false, 0, 0, 0, 200_000_000L, 1);
                    case "defer10" -> new EpollRrRequest(rate, 3000, 0, 0, false, 100, 10_000, 0, 200_000_000L, 1);
                    case "napibusy" -> new EpollRrRequest(rate, 3000, 64, 64, true, 0, 200_000, 0, 200_000_000L, 1);
                    case "fullbusy" -> new EpollRrRequest(rate, 3000, 1000, 64, true, 0, 5_000_000, 0, 200_000_000L, 1);
                    default -> new EpollRrRequest(rate, 3000, 0, 64, true, 100, 20_000, 20_000_000, 200_000_000L, 1);
                };
                TinyDriver d = TinyDriver.plain();
                BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(),
                    () -> List.of(d), () -> null);
                BenchResult b = svc.epollRr(r, (x, y) -> { });
                long[] s = b.latencyNs().clone();
                Arrays.sort(s);
                double cpu = b.cpus().stream().filter(c -> c.host().equals("server") && c.cpu() == 1)
                    .mapToDouble(c -> 100.0 * (c.totalNs() - c.idleNs()) / c.totalNs()).sum();
                System.out.printf("PROBE %7.0f %-10s n=%6d avg=%6.1f p99=%6.1f cpu1=%5.1f%% %s%n", rate, cfg, s.length,
                    Arrays.stream(s).average().orElse(0) / 1000, s[(int) (s.length * 0.99)] / 1000.0, cpu, b.counters());
            }
        }
    }
}
