package io.netmodel.shell.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netmodel.api.vfs.Caller;
import io.netmodel.shell.Layout;
import io.netmodel.shell.ModelHost;
import io.netmodel.shell.TestDirs;
import io.netmodel.shell.cmd.KnownNics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/** Each built-in host boots in Felix with its release, CPUs, SMT state and NIC bound by its module. */
@Timeout(120)
class BuiltinHostBootTest {
    private static String read(ModelHost host, String path) throws Exception {
        var f = host.fs().open(path, false, Caller.ROOT);
        try {
            return new String(f.read(0, 65536), StandardCharsets.ISO_8859_1);
        } finally {
            f.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed000", "seed001", "seed004"})
    void boots_as_described(String name) throws Exception {
        BuiltinHost h = BuiltinHost.named(name).orElseThrow();
        for (String nic : h.nics()) {
            assumeTrue(KnownNics.matches(nic), "this build has no NIC model " + nic);
        }
        Layout layout = Layout.fromEnvironment();
        try (ModelHost host = ModelHost.boot(new ModelHost.Config(h.kernel(), h.cpus(), String.join(",", h.nics()), 0, h.smt()),
                layout.systemDir(), layout.bundlesDir(), TestDirs.felixCache())) {
            assertEquals(h.kernel(), host.profile().version().toString());
            assertEquals(h.smt() + "\n", read(host, "/sys/devices/system/cpu/smt/control"));
            assertEquals(h.smt().equals("on") ? "1\n" : "0\n", read(host, "/sys/devices/system/cpu/smt/active"));
            assertEquals(h.cpus(), read(host, "/proc/net/softnet_stat").lines().count());
            for (String nic : h.nics()) {
                host.modprobe(nic.split(":", 2)[0], Map.of());
            }
            assertTrue(host.fs().list("/sys/class/net").contains("eth0"));
        }
    }
}
