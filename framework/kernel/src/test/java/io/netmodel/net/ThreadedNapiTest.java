package io.netmodel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netmodel.api.sched.NapiThreaded;
import io.netmodel.api.vfs.Errno;
import io.netmodel.sched.Task;
import io.netmodel.testkit.Host;
import io.netmodel.testkit.NapiDriver;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code echo 1 > threaded} starts one kthread per NAPI; 0, rmmod and netif_napi_del stop them. */
class ThreadedNapiTest {
    private static final String THREADED = "/sys/class/net/eth0/threaded";

    private static List<String> napiThreads(Host h) {
        return h.kernel.tasks().tasks().stream().map(Task::comm).filter(c -> c.startsWith("napi/"))
            .collect(Collectors.toList());
    }

    @Test
    void threaded_1_starts_one_kthread_per_napi_and_0_stops_them() throws Exception {
        NapiDriver drv = new NapiDriver(3);
        Host h = Host.with("6.19", 4, drv);
        assertEquals(List.of(), napiThreads(h));
        h.write(THREADED, "1\n");
        assertEquals(List.of("napi/eth0-257", "napi/eth0-258", "napi/eth0-259"), napiThreads(h));
        for (NapiImpl n : h.kernel.netdevs().byName("eth0").napis()) {
            assertEquals(NapiThreaded.ENABLED, n.threaded());
            assertNotNull(n.thread());
        }
        int firstPid = ((NapiImpl) drv.napis.get(0)).thread().pid();
        h.write(THREADED, "1\n");
        assertEquals(firstPid, ((NapiImpl) drv.napis.get(0)).thread().pid(), "writing 1 again changes nothing");
        h.write(THREADED, "0\n");
        assertEquals(List.of(), napiThreads(h));
        assertEquals("0\n", h.read(THREADED));
        for (NapiImpl n : h.kernel.netdevs().byName("eth0").napis()) {
            assertEquals(NapiThreaded.DISABLED, n.threaded());
            assertNull(n.thread());
        }
    }

    @Test
    void before_6_17_the_kthreads_outlive_threaded_0() throws Exception {
        Host h = Host.with("6.16", 2, new NapiDriver(2));
        h.write(THREADED, "1");
        h.write(THREADED, "0");
        assertEquals(List.of("napi/eth0-257", "napi/eth0-258"), napiThreads(h), "dev_set_threaded only cleared the bit");
        for (NapiImpl n : h.kernel.netdevs().byName("eth0").napis()) {
            assertEquals(NapiThreaded.DISABLED, n.threaded());
        }
    }

    @Test
    void rmmod_stops_the_kthreads() throws Exception {
        NapiDriver drv = new NapiDriver(2);
        Host h = Host.with("6.19", 2, drv);
        h.write(THREADED, "1");
        assertEquals(2, napiThreads(h).size());
        h.kernel.modules().driverGone(drv);
        assertEquals(List.of(), napiThreads(h));
        assertTrue(((NapiImpl) drv.napis.get(0)).thread() == null);
    }

    @Test
    void a_bad_value_starts_nothing() throws Exception {
        Host h = Host.with("6.19", 2, new NapiDriver(2));
        assertEquals(Errno.EOPNOTSUPP, Host.errno(() -> h.write(THREADED, "2")));
        assertEquals(Errno.EINVAL, Host.errno(() -> h.write(THREADED, "x")));
        assertEquals(List.of(), napiThreads(h));
    }
}
