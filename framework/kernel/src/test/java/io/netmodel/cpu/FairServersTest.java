package io.netmodel.cpu;

import static io.netmodel.testkit.Host.errno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.vfs.Errno;
import io.netmodel.testkit.Host;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /sys/kernel/debug/sched/fair_server/cpuN/{runtime,period}} ({@code sched_fair_server_write}, 6.12+). */
class FairServersTest {
    private static final String DIR = "/sys/kernel/debug/sched/fair_server/";
    private static final String RUNTIME = DIR + "cpu0/runtime";
    private static final String PERIOD = DIR + "cpu0/period";
    private static final String RT_RUNTIME = "/proc/sys/kernel/sched_rt_runtime_us";
    private Host host;

    @BeforeEach
    void boot() {
        host = Host.bare("6.19");
    }

    @Test
    void one_directory_per_cpu_with_the_boot_defaults_in_ns() throws Exception {
        for (int cpu = 0; cpu < 2; cpu++) {
            assertEquals("50000000\n", host.read(DIR + "cpu" + cpu + "/runtime"));
            assertEquals("1000000000\n", host.read(DIR + "cpu" + cpu + "/period"));
            assertEquals(0644, host.fs.stat(DIR + "cpu" + cpu + "/runtime").mode());
            assertEquals(0, host.fs.stat(DIR + "cpu" + cpu + "/period").size());
        }
        assertFalse(host.exists(DIR + "cpu2"));
        assertEquals(0700, host.fs.stat("/sys/kernel/debug").mode() & 0777);
        assertFalse(Host.bare("6.11").exists("/sys/kernel/debug/sched/fair_server"), "no fair server before 6.12");
    }

    @ParameterizedTest(name = "runtime <- {0}: {1}")
    @CsvSource({"20000000\\n, 20000000", "+30000000, 30000000", "1000000000, 1000000000", "0, 0",
        "1000000001, EINVAL", "-1, EINVAL", "0x10, EINVAL", "' 5', EINVAL", "5 \\n, EINVAL",
        "18446744073709551616, ERANGE"})
    void runtime_is_kstrtoull_base_10_and_at_most_the_period(String input, String expect) throws Exception {
        String in = new String(Host.bytes(input), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (expect.startsWith("E")) {
            assertEquals(Host.errnoNamed(expect), errno(() -> host.write(RUNTIME, in)));
            assertEquals("50000000\n", host.read(RUNTIME), "a failed write changes nothing");
        } else {
            host.write(RUNTIME, in);
            assertEquals(expect + "\n", host.read(RUNTIME));
        }
    }

    @Test
    void the_period_stays_within_100_us_and_2_to_the_22_us_and_above_the_runtime() throws Exception {
        assertEquals(Errno.EINVAL, errno(() -> host.write(PERIOD, "99999")));
        assertEquals(Errno.EINVAL, errno(() -> host.write(PERIOD, "4194304001")));
        assertEquals(Errno.EINVAL, errno(() -> host.write(PERIOD, "49999999")), "below the runtime");
        host.write(PERIOD, "4194304000");
        host.write(RUNTIME, "100000");
        host.write(PERIOD, "100000");
        assertEquals("100000\n", host.read(PERIOD));
        assertEquals("1000000000\n", host.read(DIR + "cpu1/period"), "each CPU has its own server");
    }

    @Test
    void runtime_0_disables_the_server_and_says_so() throws Exception {
        host.write(DIR + "cpu1/runtime", "0\n");
        assertEquals(0, host.kernel.sysctlKernel().fairServers().runtimeNs(1));
        assertTrue(host.kernel.modules().dmesg().stream()
                .anyMatch(l -> l.endsWith("] Fair server disabled in CPU 1, system may crash due to starvation.")),
            host.kernel.modules().dmesg()::toString);
    }

    /**
     * {@code __dl_overflow}: with {@code sched_rt_runtime_us} 100000 (10% of each CPU for deadline
     * bandwidth, 20% over the two), a server may grow to what is left of it; -1 lifts the check.
     * Conversely the sysctl may not go below what the servers hold, now 2.5% with one disabled.
     */
    @Test
    void the_servers_and_the_rt_sysctls_admit_each_other() throws Exception {
        host.write(RT_RUNTIME, "100000");
        assertEquals(Errno.EBUSY, errno(() -> host.write(RUNTIME, "200000000")));
        assertEquals("50000000\n", host.read(RUNTIME));
        host.write(RUNTIME, "100000000");
        host.write(RT_RUNTIME, "-1");
        host.write(RUNTIME, "1000000000");
        host.write(RUNTIME, "0");
        assertEquals(Errno.EBUSY, errno(() -> host.write(RT_RUNTIME, "24999")), "the other server's 5% over two CPUs");
        host.write(RT_RUNTIME, "25000");
        assertEquals("25000\n", host.read(RT_RUNTIME));
    }
}
