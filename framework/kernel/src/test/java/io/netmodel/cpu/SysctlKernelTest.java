package io.netmodel.cpu;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code timer_migration} and {@code sched_rt_{period,runtime}_us} ({@code sched_rt_handler}). */
class SysctlKernelTest {
    private static final String TM = "/proc/sys/kernel/timer_migration";
    private static final String RUNTIME = "/proc/sys/kernel/sched_rt_runtime_us";
    private static final String PERIOD = "/proc/sys/kernel/sched_rt_period_us";
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.bare("6.19");
    }

    @Test
    void boot_defaults_and_modes() throws Exception {
        assertEquals("1\n", host.read(TM));
        assertEquals("950000\n", host.read(RUNTIME));
        assertEquals("1000000\n", host.read(PERIOD));
        for (String p : new String[] {TM, RUNTIME, PERIOD}) {
            assertEquals(0644, host.fs.stat(p).mode());
            assertEquals(0, host.fs.stat(p).size());
        }
    }

    @ParameterizedTest(name = "timer_migration <- {0}: {1}")
    @CsvSource({"0\\n, 0", "1, 1", "' 0 \\n', 0", "2\\n, EINVAL", "-1\\n, EINVAL", "x\\n, EINVAL", "0x1\\n, 1"})
    void timer_migration_is_minmax_0_1(String input, String expect) throws Exception {
        String in = new String(Host.bytes(input), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (expect.startsWith("E")) {
            assertEquals(Host.errnoNamed(expect), errno(() -> host.write(TM, in)));
            assertEquals("1\n", host.read(TM));
        } else {
            host.write(TM, in);
            assertEquals(expect + "\n", host.read(TM));
        }
    }

    @Test
    void runtime_minus_one_means_unlimited_and_is_kept() throws Exception {
        host.write(RUNTIME, "-1\n");
        assertEquals("-1\n", host.read(RUNTIME));
        assertEquals(-1, host.kernel.sysctlKernel().rtRuntimeUs());
        host.write(PERIOD, "500000\n"); // any period goes with an unlimited runtime
        assertEquals("500000\n", host.read(PERIOD));
    }

    @Test
    void runtime_above_the_period_or_below_minus_one_is_einval() throws Exception {
        assertEquals(Errno.EINVAL, errno(() -> host.write(RUNTIME, "1000001\n")));
        assertEquals(Errno.EINVAL, errno(() -> host.write(RUNTIME, "-2\n")));
        assertEquals("950000\n", host.read(RUNTIME));
        host.write(RUNTIME, "1000000\n");
        assertEquals("1000000\n", host.read(RUNTIME));
    }

    @Test
    void a_period_below_the_runtime_is_einval_and_both_stay() throws Exception {
        assertEquals(Errno.EINVAL, errno(() -> host.write(PERIOD, "900000\n")));
        assertEquals(Errno.EINVAL, errno(() -> host.write(PERIOD, "0\n")));
        assertEquals("1000000\n", host.read(PERIOD));
        assertEquals("950000\n", host.read(RUNTIME));
    }

    /**
     * From 6.12 the fair servers hold 50 ms of every second of deadline bandwidth on each CPU:
     * a finite RT runtime under 5% of the period is EBUSY, from either sysctl, and changes
     * nothing; -1 and 5% exactly pass. On 6.11 the same writes pass.
     */
    @Test
    void from_6_12_a_runtime_under_the_fair_servers_5_percent_is_ebusy() throws Exception {
        assertEquals(Errno.EBUSY, errno(() -> host.write(RUNTIME, "49999\n")));
        assertEquals(Errno.EBUSY, errno(() -> host.write(RUNTIME, "0\n")));
        assertEquals("950000\n", host.read(RUNTIME));
        host.write(RUNTIME, "50000\n");
        assertEquals("50000\n", host.read(RUNTIME));
        assertEquals(Errno.EBUSY, errno(() -> host.write(PERIOD, "1100000\n")), "the period's write checks the ratio too");
        assertEquals("1000000\n", host.read(PERIOD));
        assertEquals(Errno.EINVAL, errno(() -> host.write(RUNTIME, "1000001\n")), "EINVAL is checked first");
        host.write(RUNTIME, "-1\n");
        host.write(PERIOD, "2000000\n");
        assertEquals("-1\n", host.read(RUNTIME));

        Host old = Host.bare("6.11");
        old.write(RUNTIME, "0\n");
        assertEquals("0\n", old.read(RUNTIME));
        old.write(PERIOD, "5000000\n");
        assertEquals("5000000\n", old.read(PERIOD));
    }
}
