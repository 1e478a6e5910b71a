package io.netmodel.rx;

import io.netmodel.api.bench.BenchResult;
import io.netmodel.api.bench.XskMode;
import io.netmodel.api.bench.XskRrRequest;
import io.netmodel.api.kernel.KernelVersion;
import io.netmodel.core.HostSpec;
import io.netmodel.kernel.Profile;
import io.netmodel.testkit.TinyDriver;
import java.util.Arrays;
import java.util.List;

/** Prints the model's seed 001 table (a program for calibration work, not a test). */
public final class XskRrProbe {
    public static void main(String[] args) {
        long[][] rows = {{80_000, 0}, {31_250, 30_000}, {8_000, 6_000}, {80_000, 78_000}, {40_000, 38_000}};
        for (long[] r : rows) {
            StringBuilder sb = new StringBuilder(String.format("%6.1fK+%2dus:", 1e6 / r[0], r[1] / 1000));
            for (XskMode m : XskMode.values()) {
                TinyDriver d = TinyDriver.plain();
                BenchServiceImpl svc = new BenchServiceImpl(new Profile(KernelVersion.parse("6.19")), HostSpec.defaultHost(), () -> List.of(d), () -> null);
                long t = System.nanoTime();
                BenchResult res = svc.xskRr(new XskRrRequest(r[0], r[1], m, 200_000_000L, 1), (a, b) -> { });
                long[] s = res.latencyNs().clone();
                Arrays.sort(s);
                sb.append(String.format("  %s p50 %.1f p99 %.1f (n=%d, %.0fms)", m.cliName(), s.length == 0 ? 0 : s[s.length / 2] / 1000.0,
                    s.length == 0 ? 0 : s[(int) (s.length * 0.99)] / 1000.0, s.length, (System.nanoTime() - t) / 1e6));
            }
            System.out.println(sb);
        }
    }
}
